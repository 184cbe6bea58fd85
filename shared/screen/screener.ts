// Screening as the edge answers it: the local engine always, Azure Prompt Shields when configured,
// merged so that either detector's attack counts; fail closed (or fall back to the local engine, and
// say so) when the remote shield does not answer in time.
import type { OwaspMcpId } from "../audit/events.ts";
import { ShieldUnavailableError, type HarmCategory, type HarmResult, type PromptShield } from "../prompt-shield/types.ts";
import { decideVerdict, mergeAttackFlags, redactSpans, remoteAttackFinding, screenTexts, spotlight as spotlightDocuments } from "../screening/index.ts";
import type { Finding, ScreenItem, Verdict, VerdictPolicy } from "../screening/types.ts";
import type { SpotlightMode } from "./request.ts";

export type FailMode = "closed" | "local-fallback";
export type ShieldProvider = "local" | "azure+local" | "local-fallback";

/** A finding of the edge: the engine's, or one about screening itself or tool integrity. */
export interface EdgeFinding extends Omit<Finding, "category" | "owasp"> {
  readonly category: Finding["category"] | "availability" | "tool_integrity" | "shadowing" | "harm";
  readonly owasp: OwaspMcpId;
}

export interface ScreenOutcome {
  verdict: Verdict;
  findings: EdgeFinding[];
  shield: { provider: ShieldProvider; userPromptAttack: boolean; documentsAttack: boolean[] };
  /** Per item: its text with secrets and PII replaced (only when asked). */
  redactedTexts?: string[];
  spotlighted?: { documents: string[]; systemPromptHint: string };
}

export interface ScreenerOptions {
  readonly policy: VerdictPolicy;
  readonly failMode: FailMode;
  readonly shield?: PromptShield;
  readonly allowedHosts?: readonly string[];
  /** Content Safety harm categories to analyze as well (needs a shield that can). */
  readonly harmCategories?: readonly HarmCategory[];
}

const isUserInput = (item: ScreenItem) => item.kind === "prompt" || item.kind === "tool_arguments";

export class Screener {
  constructor(private readonly options: ScreenerOptions) {}

  get remote(): PromptShield | undefined {
    return this.options.shield;
  }

  async screen(items: readonly ScreenItem[], request: { redact?: boolean; spotlight?: SpotlightMode } = {}): Promise<ScreenOutcome> {
    const local = screenTexts(items, { ...(this.options.allowedHosts ? { allowedHosts: this.options.allowedHosts } : {}), ...(request.redact ? { redactions: true } : {}) });
    const findings: EdgeFinding[] = [...local.findings];
    let attackByItem = local.attackByItem;
    let provider: ShieldProvider = "local";
    let unavailable = false;

    const { shield } = this.options;
    if (shield && items.length > 0) {
      const promptItems = items.map((item, i) => (isUserInput(item) ? i : -1)).filter((i) => i >= 0);
      const documentItems = items.map((item, i) => (isUserInput(item) ? -1 : i)).filter((i) => i >= 0);
      const categories = this.options.harmCategories ?? [];
      // The harm analysis and the shield run side by side, so one deadline bounds the whole screening; when one
      // fails the other is stopped (its answer could no longer change a closed verdict).
      const stop = new AbortController();
      // (the first failure is the reason: the other call may then fail only because it was stopped)
      let firstFailure: unknown;
      // (failing closed, the other call cannot change the verdict and is stopped; falling back, its answer counts)
      const closed = this.options.failMode === "closed";
      const halt = <T>(p: Promise<T>): Promise<T> =>
        p.catch((error: unknown) => {
          firstFailure ??= error;
          if (closed) stop.abort();
          throw error;
        });
      const harm = halt(categories.length > 0 && shield.analyzeHarm ? shield.analyzeHarm(items.map((item) => item.text), categories, { abortSignal: stop.signal }) : Promise.resolve([] as HarmResult[]));
      const shielded = halt(
        shield.shield(
          {
            ...(promptItems.length > 0 ? { userPrompt: promptItems.map((i) => (items[i] as ScreenItem).text).join("\n") } : {}),
            documents: documentItems.map((i) => (items[i] as ScreenItem).text),
          },
          { abortSignal: stop.signal },
        ),
      );
      const [harmSettled, remoteSettled] = await Promise.allSettled([harm, shielded]);
      // What did answer counts, in either fail mode: a detection is never thrown away because the other call failed.
      if (harmSettled.status === "fulfilled") for (const result of harmSettled.value) findings.push(harmFinding(items[result.index] as ScreenItem, result));
      if (remoteSettled.status === "fulfilled") {
        const remote = remoteSettled.value;
        const remoteByItem: Array<boolean | undefined> = items.map(() => undefined);
        for (const i of promptItems) remoteByItem[i] = remote.userPromptAttack;
        documentItems.forEach((i, d) => (remoteByItem[i] = remote.documentsAttack[d] === true));
        // The prompt shield judges all user input together: its finding names the first part.
        const reported = new Set<number>();
        remoteByItem.forEach((attack, i) => {
          if (!attack || local.attackByItem[i]) return;
          if (isUserInput(items[i] as ScreenItem) && [...reported].some((r) => isUserInput(items[r] as ScreenItem))) return;
          reported.add(i);
          findings.push(remoteAttackFinding(items[i] as ScreenItem, "azure"));
        });
        attackByItem = mergeAttackFlags(local.attackByItem, remoteByItem);
        provider = "azure+local";
      }
      for (const r of [remoteSettled, harmSettled]) if (r.status === "rejected" && !(r.reason instanceof ShieldUnavailableError)) throw r.reason;
      const first = firstFailure as ShieldUnavailableError | undefined;
      if (first) {
        if (this.options.failMode === "closed") {
          unavailable = true;
          findings.push({
            rule: "screening_unavailable",
            category: "availability",
            owasp: "MCP06",
            severity: "high",
            location: { field: "*", start: 0, end: 0 },
            message: `Content Safety did not answer (${first.reason}); screening fails closed.`,
          });
        } else if (remoteSettled.status === "rejected") {
          // (the prompt shield did not answer: the local engine alone; a harm analysis that did not is left out)
          provider = "local-fallback";
        }
      }
    }

    const verdict: Verdict = unavailable ? "block" : decideVerdict(findings as Finding[], this.options.policy);
    const outcome: ScreenOutcome = {
      verdict,
      findings,
      shield: {
        provider,
        userPromptAttack: items.some((item, i) => isUserInput(item) && attackByItem[i] === true),
        documentsAttack: items.map((item, i) => (isUserInput(item) ? undefined : attackByItem[i] === true)).filter((v): v is boolean => v !== undefined),
      },
    };
    // from every secret and PII span, not from the findings (capped per rule)
    if (request.redact) outcome.redactedTexts = items.map((item, i) => redactSpans(item.text, local.redactions?.[i] ?? []));
    // asked for both, the spotlighted documents are the redacted ones: they are what the caller hands to the model
    const handedOn = outcome.redactedTexts ?? items.map((item) => item.text);
    if (request.spotlight) outcome.spotlighted = spotlightDocuments(handedOn.filter((_, i) => !isUserInput(items[i]!)), request.spotlight);
    return outcome;
  }
}

/** Content Safety severities (0, 2, 4, 6) on the edge's scale. */
function harmFinding(item: ScreenItem, result: HarmResult): EdgeFinding {
  return {
    rule: `harm.${result.category.toLowerCase()}`,
    category: "harm",
    owasp: "MCP06",
    severity: result.severity >= 6 ? "high" : result.severity >= 4 ? "medium" : "low",
    location: { field: item.field, ...(item.index !== undefined ? { index: item.index } : {}), start: 0, end: item.text.length },
    message: `Content Safety rates this text ${result.category} at severity ${result.severity}.`,
  };
}

/** The OWASP id an audit event of this outcome carries: the most severe finding's, else MCP06. */
export function owaspOfOutcome(outcome: ScreenOutcome): OwaspMcpId {
  const rank = { high: 3, medium: 2, low: 1 } as const;
  let best: EdgeFinding | undefined;
  for (const finding of outcome.findings) if (!best || rank[finding.severity] > rank[best.severity]) best = finding;
  return best?.owasp ?? "MCP06";
}

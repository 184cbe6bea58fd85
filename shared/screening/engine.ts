// The local screening engine: normalize → tokenize → Aho–Corasick (words and character markers)
// → rule automata over the concept events → scanners → hidden-content escalation → findings.
// Every stage is linear in the input; see the notes in each module. This one is the public API: screenTexts
// (each text screened by screen-one.ts with its kind's rules from compile-kind.ts), verdicts, policies, redaction.

import type { Rule } from "./rules.ts";
import { ATTACK_CATEGORIES, TEXT_KINDS, type Action, type Category, type Finding, type RedactionSpan, type ScreenItem, type ScreenOptions, type ScreenResult, type TextKind, type VerdictPolicy } from "./types.ts";
import { compileKind } from "./compile-kind.ts";
import { firstPerRule, isSorted, screenOne, SEV_RANK, sortFindings } from "./screen-one.ts";
import { pastedRegions } from "./pasted.ts";

/** Categories a prompt's pasted content is read for as a document: what third-party text does to the model. */
const PASTED_CATEGORIES: ReadonlySet<Category> = new Set<Category>(["indirect_injection", "exfiltration", "tool_poisoning"]);

export const DEFAULT_POLICY: Readonly<VerdictPolicy> = Object.freeze({ high: "block", medium: "flag", low: "allow" });

/** Screens texts with the local engine. Findings carry UTF-16 offsets into the original texts. */
export function screenTexts(items: readonly ScreenItem[], options: ScreenOptions = {}): ScreenResult {
  if (!Array.isArray(items)) throw new TypeError("screenTexts: items must be an array");
  const maxPerRule = options.maxFindingsPerRule ?? 20;
  const findings: Finding[] = [];
  const attackByItem: boolean[] = [];
  const redactions: RedactionSpan[][] | undefined = options.redactions ? [] : undefined;
  for (let idx = 0; idx < items.length; idx++) {
    const item = items[idx]!;
    if (item === null || typeof item !== "object" || typeof item.text !== "string" || typeof item.field !== "string") {
      throw new TypeError(`screenTexts: item ${idx} must be { field: string, kind, text: string }`);
    }
    if (!TEXT_KINDS.includes(item.kind)) throw new TypeError(`screenTexts: item ${idx} has unknown kind ${String(item.kind)}`);
    const ck = compileKind(item.kind, options.disabledRules);
    let raw = screenOne(item.text, ck, options, 0);
    // every secret and PII span, before the findings are capped per rule: redaction must miss none
    if (redactions) {
      const spans: RedactionSpan[] = [];
      for (const f of raw) {
        const rule = ck.rules[f.rule]!;
        if (rule.redactAs && f.end > f.start) spans.push(redactionSpan(rule, f.start, f.end));
      }
      redactions.push(spans);
    }
    if (raw.length > 1 && !isSorted(raw)) {
      // a long list is first cut to the findings that can be reported (the first maxPerRule of each
      // rule): sorting it whole would cost n log n on an adversarial text with findings everywhere
      if (raw.length > 64) raw = firstPerRule(raw, maxPerRule);
      sortFindings(raw);
    }
    const perRule = ck.perRule;
    let attack = false;
    for (let k = 0; k < raw.length; k++) {
      const f = raw[k]!;
      if (perRule[f.rule]! >= maxPerRule) continue;
      perRule[f.rule]!++;
      const rule = ck.rules[f.rule]!;
      if (SEV_RANK[f.severity] >= 1 && ATTACK_CATEGORIES.has(rule.category)) attack = true;
      const location: Finding["location"] = { field: item.field, start: f.start, end: f.end };
      if (item.index !== undefined) location.index = item.index;
      findings.push({ rule: rule.id, category: rule.category, owasp: rule.owasp, severity: f.severity, location, message: rule.message });
    }
    for (let k = 0; k < raw.length; k++) perRule[raw[k]!.rule] = 0;
    // a prompt's pasted content (after a "---" line, in a fenced block) read as the document it is, for the rules a prompt
    // does not run; capped at medium: the user who pasted it is no attacker
    if (item.kind === "prompt") {
      const regions = pastedRegions(item.text);
      if (regions.length > 0) {
        const dk = compileKind("document", options.disabledRules);
        const counts = new Map<string, number>();
        for (const r of regions) {
          for (const f of screenOne(item.text.slice(r.start, r.end), dk, options, 0)) {
            const rule = dk.rules[f.rule]!;
            if (f.severity === "low" || !PASTED_CATEGORIES.has(rule.category) || rule.kinds?.prompt !== "off") continue;
            const seen = counts.get(rule.id) ?? 0;
            if (seen >= maxPerRule) continue;
            counts.set(rule.id, seen + 1);
            attack = true;
            const location: Finding["location"] = { field: item.field, start: r.start + f.start, end: r.start + f.end };
            if (item.index !== undefined) location.index = item.index;
            findings.push({ rule: rule.id, category: rule.category, owasp: rule.owasp, severity: "medium", location, message: `${rule.message} (in content pasted into the prompt)` });
          }
        }
      }
    }
    attackByItem.push(attack);
  }
  return redactions ? { findings, attackByItem, redactions } : { findings, attackByItem };
}

/** Verdict under a policy: the strongest action any finding's severity maps to (no findings → allow). */
export function decideVerdict(findings: readonly Finding[], policy: Readonly<VerdictPolicy> = DEFAULT_POLICY): Action {
  const rank: Record<Action, number> = { allow: 0, flag: 1, block: 2 };
  let best: Action = "allow";
  for (const f of findings) {
    const a = policy[f.severity];
    if (rank[a] > rank[best]) best = a;
  }
  return best;
}

/** Parses a policy such as "high=block,medium=flag,low=allow" (missing severities keep the default). */
export function parsePolicy(spec: string): VerdictPolicy {
  const policy: VerdictPolicy = { ...DEFAULT_POLICY };
  for (const part of spec.split(",")) {
    const [k, v] = part.split("=").map((s) => s.trim().toLowerCase());
    if (!k) continue;
    if ((k === "high" || k === "medium" || k === "low") && (v === "allow" || v === "flag" || v === "block")) policy[k] = v;
    else throw new RangeError(`invalid screening policy entry: ${part}`);
  }
  return policy;
}

/** `text` with every secret and PII span the engine finds replaced by [REDACTED:<kind>]. (From the spans, not from
 * a caller's findings: those are capped per rule, and redaction must miss none.) */
export function redact(text: string, kind: TextKind = "document"): string {
  const { redactions } = screenTexts([{ field: "text", kind, text }], { redactions: true });
  return redactSpans(text, redactions?.[0] ?? []);
}

/** A rule's span to redact; secrets outrank PII where spans overlap. */
function redactionSpan(rule: Rule, start: number, end: number): RedactionSpan {
  return { start, end, label: rule.redactAs ?? rule.id, rank: rule.category === "secrets" ? 2 : 1 };
}

/** `text` with the spans replaced by [REDACTED:<label>]; overlapping spans merge into one, labelled by
 * the highest-ranked of them (a password inside a connection string that also looks like an e-mail
 * address is a secret). */
export function redactSpans(text: string, spans: readonly RedactionSpan[]): string {
  const clean: RedactionSpan[] = [];
  for (const sp of spans) {
    const s = Math.max(0, Math.min(text.length, sp.start));
    const e = Math.max(s, Math.min(text.length, sp.end));
    if (e > s) clean.push({ start: s, end: e, label: sp.label, rank: sp.rank });
  }
  if (clean.length === 0) return text;
  clean.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  let cur: RedactionSpan | null = null;
  const emit = (c: RedactionSpan): void => {
    out += text.slice(at, c.start) + `[REDACTED:${c.label}]`;
    at = c.end;
  };
  for (const sp of clean) {
    if (cur && sp.start < cur.end) {
      cur.end = Math.max(cur.end, sp.end);
      if (sp.rank > cur.rank) {
        cur.rank = sp.rank;
        cur.label = sp.label;
      }
      continue;
    }
    if (cur) emit(cur);
    cur = { ...sp };
  }
  if (cur) emit(cur);
  return out + text.slice(at);
}

/** Result of a remote detector (e.g. Azure Prompt Shields) to merge with the local one. */
export interface ShieldAttackFlags {
  userPromptAttack?: boolean;
  documentsAttack?: readonly boolean[];
}

/** Either detector's attack counts: element-wise OR of the local and the remote flags. */
export function mergeAttackFlags(local: readonly boolean[], remote: readonly (boolean | undefined)[]): boolean[] {
  const n = Math.max(local.length, remote.length);
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push(local[i] === true || remote[i] === true);
  return out;
}

/** The finding that stands for a remote detector's "attack detected" on an item. */
export function remoteAttackFinding(item: Pick<ScreenItem, "field" | "index" | "text" | "kind">, provider = "azure"): Finding {
  const location: Finding["location"] = { field: item.field, start: 0, end: item.text.length };
  if (item.index !== undefined) location.index = item.index;
  const document = item.kind !== "prompt" && item.kind !== "tool_arguments";
  return {
    rule: document ? "shield.document_attack" : "shield.user_prompt_attack",
    category: document ? "indirect_injection" : "jailbreak",
    owasp: "MCP06",
    severity: "high",
    location,
    message: `${provider} prompt shield detected ${document ? "an indirect (document) attack" : "a user prompt attack"}.`,
  };
}

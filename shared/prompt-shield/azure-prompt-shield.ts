// Azure AI Content Safety Prompt Shields (api-version 2024-09-01) through @azure-rest/ai-content-safety
// with the managed identity. Version 1.0.1 of the client has no typed shieldPrompt route and defaults to
// an older api-version, hence `apiVersion` and `pathUnchecked`. Calls are chunked to the service's
// limits, run in parallel under a cap, retried with backoff (honouring Retry-After on 429/5xx) within
// one deadline, and a circuit breaker fails fast when the service keeps failing.
import createClient from "@azure-rest/ai-content-safety";
import type { TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { CircuitBreaker } from "./circuit-breaker.ts";
import { MAX_DOCS_PER_CALL, MAX_PROMPT_CHARS, PACK_SEPARATOR, packTexts, planCalls, RECHECK_MAX_TEXTS, splitInto, type ShieldCall } from "./chunking.ts";
import { ShieldUnavailableError, type HarmCategory, type HarmResult, type PromptShield, type ShieldInput, type ShieldResult } from "./types.ts";

export const CONTENT_SAFETY_API_VERSION = "2024-09-01";

/** Most flagged packs narrowed down in one round (one call each): a service that flags everything
 * must not turn one screening into hundreds of calls. */
const NARROW_MAX_GROUPS = 8;

export interface AzurePromptShieldOptions {
  readonly endpoint: string;
  readonly credential: TokenCredential;
  /** Deadline of one screening, all calls and retries included. */
  readonly deadlineMs?: number;
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  readonly breaker?: CircuitBreaker;
  /** The harm analysis's own breaker: it must not take the prompt shield's one trial call when the breaker half-opens. */
  readonly harmBreaker?: CircuitBreaker;
  /** Extra pipeline policies (tests add a TLS agent trusting the local double's certificate). */
  readonly additionalPolicies?: PipelinePolicy[];
}

type ShieldCallResult = { userPromptAttack: boolean; documentsAttack: boolean[] };

export class AzurePromptShield implements PromptShield {
  readonly name = "azure";
  private readonly client: ReturnType<typeof createClient>;
  private readonly breaker: CircuitBreaker;
  private readonly harmBreaker: CircuitBreaker;
  private lastError: string | undefined;

  constructor(private readonly options: AzurePromptShieldOptions) {
    this.client = createClient(options.endpoint, options.credential, {
      apiVersion: CONTENT_SAFETY_API_VERSION,
      retryOptions: { maxRetries: 0 }, // retries are ours, bounded by the screening deadline
      additionalPolicies: (options.additionalPolicies ?? []).map((policy) => ({ policy, position: "perCall" as const })),
    });
    this.breaker = options.breaker ?? new CircuitBreaker();
    this.harmBreaker = options.harmBreaker ?? new CircuitBreaker();
  }

  private get concurrency(): number {
    return this.options.concurrency ?? 4;
  }

  state(): string | undefined {
    return this.breaker.isOpen ? "circuit open" : this.lastError;
  }

  async shield(input: ShieldInput, options: { abortSignal?: AbortSignal } = {}): Promise<ShieldResult> {
    const calls = planCalls(input.userPrompt, input.documents);
    const result = { userPromptAttack: false, documentsAttack: input.documents.map(() => false) };
    if (calls.length === 0) return result;
    if (!this.breaker.allow()) throw new ShieldUnavailableError("circuit open");
    // (allowed while the circuit is open: this call is the half-open trial)
    const trial = this.breaker.isOpen;
    const deadline = AbortSignal.timeout(this.options.deadlineMs ?? 2_000);
    // (aborted too when one call fails: the others stop instead of spending quota on an answered screening)
    const stop = new AbortController();
    const signal = AbortSignal.any([deadline, stop.signal, ...(options.abortSignal ? [options.abortSignal] : [])]);
    try {
      const answers = await mapLimited(calls, this.concurrency, (call) => this.callWithRetry(call, signal), stop);
      // A packed document the service flags is asked about again in smaller parts (five per call, one
      // call per flagged pack and round) until the attack is pinned on the texts that carry it.
      let groups: number[][] = [];
      // a flagged document of one text marks it; a flagged pack is narrowed down further
      const flagged = (call: ShieldCall, answer: ShieldCallResult): void =>
        answer.documentsAttack.forEach((attack, d) => {
          const owners = call.documentOwners[d] ?? [];
          if (!attack) return;
          if (owners.length === 1) result.documentsAttack[owners[0]!] = true;
          else groups.push(owners);
        });
      answers.forEach((answer, i) => {
        const call = calls[i] as ShieldCall;
        if (call.hasPrompt && answer.userPromptAttack) result.userPromptAttack = true;
        flagged(call, answer);
      });
      // (bounded: past NARROW_MAX_GROUPS flagged groups in a round, each counts whole; an attack is
      // never dropped, only attributed more coarsely: a pack flagged whole whose parts are each clean
      // alone — an attack spread over several texts — counts for every text in it)
      while (groups.length > 0) {
        if (groups.length > NARROW_MAX_GROUPS) {
          for (const owners of groups) for (const owner of owners) result.documentsAttack[owner] = true;
          break;
        }
        const narrower: ShieldCall[] = groups.map((owners) => {
          const parts = splitInto(owners, MAX_DOCS_PER_CALL);
          return { documents: parts.map((part) => part.map((o) => input.documents[o]).join(PACK_SEPARATOR)), documentOwners: parts, hasPrompt: false };
        });
        const again = await mapLimited(narrower, this.concurrency, (call) => this.callWithRetry(call, signal), stop);
        const before = groups;
        groups = [];
        again.forEach((answer, g) => {
          if (!answer.documentsAttack.some(Boolean)) for (const owner of before[g]!) result.documentsAttack[owner] = true;
          flagged(narrower[g]!, answer);
        });
      }
      this.breaker.success();
      this.lastError = undefined;
      return result;
    } catch (error) {
      stop.abort();
      // (the caller's own abort says nothing about the service; it frees a half-open trial's slot)
      if (!options.abortSignal?.aborted) this.breaker.failure();
      else if (trial) this.breaker.release();
      const reason = error instanceof ShieldUnavailableError ? error.reason : deadline.aborted ? "timeout" : "unreachable";
      this.lastError = reason;
      throw error instanceof ShieldUnavailableError ? error : new ShieldUnavailableError(reason);
    }
  }

  private async callWithRetry(call: ShieldCall, signal: AbortSignal): Promise<ShieldCallResult> {
    const body = await this.postWithRetry("/text:shieldPrompt", { ...(call.userPrompt !== undefined ? { userPrompt: call.userPrompt } : {}), documents: call.documents }, signal);
    return parseResult(body, call);
  }

  /**
   * Harm categories (text:analyze) of each text, when EDGE_SCREEN_HARM_CATEGORIES asks for them:
   * short texts packed and long ones cut into calls of at most 10,000 characters (a packed call's
   * rating counts for every text in it), under the same deadline, retries and breaker.
   */
  async analyzeHarm(texts: readonly string[], categories: readonly HarmCategory[], options: { abortSignal?: AbortSignal } = {}): Promise<HarmResult[]> {
    const work = packTexts(texts, MAX_PROMPT_CHARS, MAX_PROMPT_CHARS);
    if (work.length === 0 || categories.length === 0) return [];
    if (!this.harmBreaker.allow()) throw new ShieldUnavailableError("circuit open");
    const trial = this.harmBreaker.isOpen;
    const deadline = AbortSignal.timeout(this.options.deadlineMs ?? 2_000);
    const stop = new AbortController();
    const signal = AbortSignal.any([deadline, stop.signal, ...(options.abortSignal ? [options.abortSignal] : [])]);
    try {
      const analyze = async (text: string): Promise<Array<{ category: string; severity: number }>> => {
        const body = (await this.postWithRetry("/text:analyze", { text, categories, outputType: "FourSeverityLevels" }, signal)) as {
          categoriesAnalysis?: Array<{ category?: unknown; severity?: unknown }>;
        } | null;
        if (!body || !Array.isArray(body.categoriesAnalysis)) throw new ShieldUnavailableError("malformed answer");
        const list = body.categoriesAnalysis.map((c) => {
          if (typeof c?.category !== "string" || typeof c.severity !== "number" || !Number.isFinite(c.severity)) throw new ShieldUnavailableError("malformed answer");
          return { category: c.category, severity: c.severity };
        });
        // an answer that leaves out a category asked for has not rated the text: not "no harm"
        if (categories.some((asked) => !list.some((r) => r.category === asked))) throw new ShieldUnavailableError("malformed answer");
        return list;
      };
      // A packed call that rates something harmful is asked again text by text (when it packs a few),
      // so that the rating lands on the texts that earn it; a pack of many tiny texts counts whole.
      const rated = await mapLimited(work, this.concurrency, ({ text }) => analyze(text), stop);
      const answers: HarmResult[][] = [];
      const recheck: number[] = [];
      const rechecked: number[] = [];
      rated.forEach((list, u) => {
        const { owners } = work[u]!;
        if (owners.length > 1 && owners.length <= RECHECK_MAX_TEXTS && list.some((r) => r.severity > 0)) {
          recheck.push(...owners);
          rechecked.push(u);
        } else answers.push(list.flatMap((r) => owners.map((index) => ({ index, ...r }))));
      });
      const again = await mapLimited(recheck, this.concurrency, (index) => analyze(texts[index] as string), stop);
      again.forEach((list, k) => answers.push(list.map((r) => ({ index: recheck[k]!, ...r }))));
      // a category a pack is rated for that none of its texts earns alone stays with all of them (harm spread
      // over several texts)
      for (const u of rechecked) {
        const { owners } = work[u]!;
        for (const r of rated[u]!) {
          if (r.severity <= 0) continue;
          const alone = owners.some((index) => again[recheck.indexOf(index)]!.some((x) => x.category === r.category && x.severity > 0));
          if (!alone) answers.push(owners.map((index) => ({ index, ...r })));
        }
      }
      this.harmBreaker.success();
      // The worst severity per text and category.
      const worst = new Map<string, HarmResult>();
      for (const result of answers.flat()) {
        const key = `${result.index}:${result.category}`;
        if ((worst.get(key)?.severity ?? -1) < result.severity) worst.set(key, result);
      }
      return [...worst.values()].filter((r) => r.severity > 0);
    } catch (error) {
      stop.abort();
      if (!options.abortSignal?.aborted) this.harmBreaker.failure();
      else if (trial) this.harmBreaker.release();
      const reason = error instanceof ShieldUnavailableError ? error.reason : deadline.aborted ? "timeout" : "unreachable";
      this.lastError = reason;
      throw error instanceof ShieldUnavailableError ? error : new ShieldUnavailableError(reason);
    }
  }

  private async postWithRetry(path: "/text:shieldPrompt" | "/text:analyze", body: unknown, signal: AbortSignal): Promise<unknown> {
    const attempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      if (signal.aborted) throw new ShieldUnavailableError("timeout");
      let response: { status: string; headers: Record<string, string>; body: unknown };
      try {
        // (raced with the signal: the managed identity credential takes no abort signal, and a token request
        // that hangs must not carry the screening past its deadline)
        response = (await untilAborted(Promise.resolve(this.client.pathUnchecked(path).post({ body, abortSignal: signal })), signal)) as typeof response;
      } catch {
        if (signal.aborted) throw new ShieldUnavailableError("timeout");
        if (attempt >= attempts) throw new ShieldUnavailableError("unreachable");
        await sleep(backoff(attempt), signal);
        continue;
      }
      const status = Number(response.status);
      if (status === 200) return response.body;
      if ((status === 429 || status >= 500) && attempt < attempts) {
        await sleep(retryAfterMs(response.headers) ?? backoff(attempt), signal);
        continue;
      }
      throw new ShieldUnavailableError(status === 429 ? "throttled" : `status ${status}`);
    }
  }
}

function parseResult(body: unknown, call: ShieldCall): ShieldCallResult {
  const value = body as { userPromptAnalysis?: { attackDetected?: unknown }; documentsAnalysis?: Array<{ attackDetected?: unknown }> } | null;
  const docs = value?.documentsAnalysis;
  if (typeof value !== "object" || value === null || (call.documents.length > 0 && (!Array.isArray(docs) || docs.length !== call.documents.length))) {
    throw new ShieldUnavailableError("malformed answer");
  }
  const prompt = value.userPromptAnalysis?.attackDetected;
  if (call.userPrompt !== undefined && typeof prompt !== "boolean") throw new ShieldUnavailableError("malformed answer");
  const documentsAttack = (docs ?? []).map((d) => {
    if (typeof d?.attackDetected !== "boolean") throw new ShieldUnavailableError("malformed answer");
    return d.attackDetected;
  });
  return { userPromptAttack: prompt === true, documentsAttack };
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
  const raw = headers["retry-after"] ?? headers["Retry-After"];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 5_000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.min(Math.max(date - Date.now(), 0), 5_000) : undefined;
}

function backoff(attempt: number): number {
  return Math.min(100 * 2 ** (attempt - 1), 1_000) * (0.5 + Math.random() / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ShieldUnavailableError("timeout"));
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ShieldUnavailableError("timeout"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** `promise`, or a "timeout" rejection as soon as `signal` aborts (the promise is left to settle unobserved). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new ShieldUnavailableError("timeout"));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ShieldUnavailableError("timeout"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** fn over the items, at most `limit` at a time; on the first failure `stop` is aborted and no further item starts. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>, stop: AbortController): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !stop.signal.aborted) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T);
      } catch (error) {
        stop.abort();
        throw error;
      }
    }
  });
  await Promise.all(workers);
  if (stop.signal.aborted) throw new ShieldUnavailableError("timeout");
  return results;
}

// The Azure Prompt Shields client against a double of the real REST contract over HTTPS: success,
// attack detected, 429 with Retry-After, 500, timeout, malformed body, chunking to service limits.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { AzurePromptShield } from "../../shared/prompt-shield/azure-prompt-shield.ts";
import { CircuitBreaker } from "../../shared/prompt-shield/circuit-breaker.ts";
import { pieces, planCalls } from "../../shared/prompt-shield/chunking.ts";
import { ShieldUnavailableError } from "../../shared/prompt-shield/types.ts";
import { startContentSafetyDouble, type ContentSafetyDouble } from "../helpers/content-safety-double.ts";

let cs: ContentSafetyDouble;
before(async () => {
  cs = await startContentSafetyDouble();
});
after(() => cs.close());

const shieldFor = (options: Partial<ConstructorParameters<typeof AzurePromptShield>[0]> = {}) =>
  new AzurePromptShield({ endpoint: cs.endpoint, credential: cs.credential, additionalPolicies: [cs.trustPolicy], deadlineMs: 1_500, ...options });

test("success and attack detection, prompt and documents positional", async () => {
  cs.mode = "ok";
  const shield = shieldFor();
  assert.deepEqual(await shield.shield({ userPrompt: "hello", documents: ["fine", "JAILBREAK here"] }), { userPromptAttack: false, documentsAttack: [false, true] });
  assert.deepEqual(await shield.shield({ userPrompt: "JAILBREAK", documents: [] }), { userPromptAttack: true, documentsAttack: [] });
});

test("long prompts and many documents are chunked to the service's limits and mapped back", async () => {
  cs.mode = "ok";
  const before = cs.calls.length;
  const docs = Array.from({ length: 12 }, (_, i) => (i === 9 ? `${"x".repeat(15_000)}JAILBREAK` : `doc ${i}`));
  const result = await shieldFor().shield({ userPrompt: `${"y".repeat(25_000)} JAILBREAK`, documents: docs });
  assert.equal(result.userPromptAttack, true);
  assert.deepEqual(result.documentsAttack, docs.map((_, i) => i === 9));
  assert.ok(cs.calls.length - before >= 3, "several calls");
  for (const call of cs.calls.slice(before)) {
    assert.ok((call.userPrompt?.length ?? 0) <= 10_000);
    assert.ok((call.documents?.length ?? 0) <= 5);
    assert.ok((call.documents ?? []).reduce((n, d) => n + d.length, 0) <= 10_000);
  }
  // An attack phrase across a cut is still seen whole in one piece (overlap).
  const plan = planCalls(`${"z".repeat(9_995)}JAILBREAK`, []);
  assert.ok(plan.some((c) => c.userPrompt?.includes("JAILBREAK")));
});

test("429 with Retry-After is retried after the time the service asks for", async () => {
  cs.mode = "throttle-once";
  cs.tuning.retryAfter = "1";
  const started = Date.now();
  const result = await shieldFor({ deadlineMs: 3_000 }).shield({ userPrompt: "JAILBREAK", documents: [] });
  assert.equal(result.userPromptAttack, true);
  assert.ok(Date.now() - started >= 950, `retried after ${Date.now() - started} ms`);
  cs.mode = "ok";
});

test("many short texts (a tools/list) are packed into few calls, and an attack is pinned on its text", async () => {
  cs.mode = "ok";
  const before = cs.calls.length;
  const texts = Array.from({ length: 400 }, (_, i) => (i === 217 ? "a JAILBREAK hidden in one description" : `Parameter ${i}: the id of the record to read.`));
  const result = await shieldFor().shield({ documents: texts });
  assert.deepEqual(
    result.documentsAttack.flatMap((attack, i) => (attack ? [i] : [])),
    [217],
  );
  const made = cs.calls.slice(before);
  const total = texts.reduce((n, t) => n + t.length + 2, 0);
  assert.ok(made.length <= Math.ceil(total / 10_000) + 1 + 2, `${made.length} calls for ${total} characters`);
  for (const call of made) {
    assert.ok((call.documents?.length ?? 0) <= 5);
    assert.ok((call.documents ?? []).reduce((n, d) => n + d.length, 0) <= 10_000);
  }
});

test("a service that flags every pack does not turn one screening into hundreds of calls; no attack is dropped", async () => {
  cs.mode = "ok";
  const before = cs.calls.length;
  const texts = Array.from({ length: 400 }, (_, i) => `JAILBREAK number ${i} in a tool description`);
  const result = await shieldFor().shield({ documents: texts });
  assert.ok(result.documentsAttack.every((attack) => attack));
  assert.ok(cs.calls.length - before <= 4, `${cs.calls.length - before} calls`);
});

test("a pack flagged whole whose texts are each clean alone (an attack spread over texts) counts for all of them", async () => {
  cs.mode = "ok";
  const texts = ["Parameter a: SPLIT-A the first half", "Parameter b: SPLIT-B the second half", "Parameter c: a plain id"];
  const result = await shieldFor().shield({ documents: texts });
  assert.ok(result.documentsAttack[0] && result.documentsAttack[1], JSON.stringify(result));
});

test("a harm rating of a pack whose texts are each clean alone is kept for all of them", async () => {
  cs.mode = "ok";
  const harm = await shieldFor().analyzeHarm(["a story HARM-PART-1", "its end HARM-PART-2"], ["Violence"]);
  assert.deepEqual(harm.map((r) => r.index).sort(), [0, 1]);
});

test("a text:analyze answer that leaves out a category asked for is malformed, not 'no harm'", async () => {
  cs.mode = "analyze-partial";
  await assert.rejects(shieldFor().analyzeHarm(["a calm report"], ["Violence", "Hate"]), /malformed answer/);
  cs.mode = "ok";
});

test("the deadline holds while a token is fetched (the managed identity credential takes no abort signal)", async () => {
  cs.mode = "ok";
  const hanging = { getToken: () => new Promise<never>(() => undefined) };
  const started = Date.now();
  await assert.rejects(shieldFor({ credential: hanging, deadlineMs: 400 }).shield({ userPrompt: "hi", documents: [] }), (error: unknown) => {
    assert.ok(error instanceof ShieldUnavailableError);
    assert.equal(error.reason, "timeout");
    return true;
  });
  assert.ok(Date.now() - started < 1_000, `answered after ${Date.now() - started} ms`);
});

test("once one call fails, no further call goes out", async () => {
  cs.mode = "malformed";
  const before = cs.calls.length;
  const docs = Array.from({ length: 60 }, (_, i) => `${"x".repeat(9_000)} document ${i}`);
  await assert.rejects(shieldFor({ concurrency: 2, deadlineMs: 3_000 }).shield({ documents: docs }), /malformed/);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.ok(cs.calls.length - before <= 2, `${cs.calls.length - before} calls`);
  cs.mode = "ok";
});

test("a half-open trial the caller gives up on frees the trial slot: the circuit still closes once the service answers", async () => {
  let now = 0;
  const breaker = new CircuitBreaker(1, 1_000, () => now);
  const shield = shieldFor({ breaker, deadlineMs: 2_000 });
  cs.mode = "error";
  await assert.rejects(shield.shield({ userPrompt: "x", documents: [] }));
  now += 1_001;
  cs.mode = "hang";
  const caller = new AbortController();
  const trial = shield.shield({ userPrompt: "x", documents: [] }, { abortSignal: caller.signal });
  caller.abort();
  await assert.rejects(trial);
  cs.mode = "ok";
  assert.deepEqual(await shield.shield({ userPrompt: "x", documents: [] }), { userPromptAttack: false, documentsAttack: [] });
  assert.equal(breaker.isOpen, false);
});

test("a harm category a pack earns that no text earns alone stays with all of them, whatever else each text is rated", async () => {
  cs.mode = "ok";
  const harm = await shieldFor().analyzeHarm(["a story HARM-PART-1 HARM:Hate", "its end HARM-PART-2"], ["Violence", "Hate"]);
  const violence = harm.filter((r) => r.category === "Violence").map((r) => r.index).sort();
  assert.deepEqual(violence, [0, 1]);
  assert.ok(harm.some((r) => r.category === "Hate" && r.index === 0));
});

test("the harm analysis has its own breaker: it does not take the prompt shield's trial call", async () => {
  let now = 0;
  const breaker = new CircuitBreaker(1, 1_000, () => now);
  const shield = shieldFor({ breaker, deadlineMs: 300 });
  cs.mode = "error";
  await assert.rejects(shield.shield({ userPrompt: "x", documents: [] }));
  cs.mode = "ok";
  now += 1_001;
  const [harm, shielded] = await Promise.all([shield.analyzeHarm(["a calm report"], ["Violence"]), shield.shield({ userPrompt: "x", documents: [] })]);
  assert.deepEqual(harm, []);
  assert.equal(shielded.userPromptAttack, false);
});

test("empty texts are not sent; pieces never cut a surrogate pair", async () => {
  cs.mode = "ok";
  const before = cs.calls.length;
  assert.deepEqual(await shieldFor().shield({ documents: ["", ""] }), { userPromptAttack: false, documentsAttack: [false, false] });
  assert.equal(cs.calls.length, before);
  const emoji = "😀".repeat(12_000);
  for (const size of [10_000, 9_999]) {
    const parts = pieces(`x${emoji}`, size);
    assert.ok(parts.length > 1);
    for (const part of parts) assert.equal(Buffer.from(part, "utf8").toString("utf8"), part, "no lone surrogate");
  }
});

for (const [mode, reason] of [["throttle", "throttled"], ["error", "status 500"], ["hang", "timeout"], ["malformed", "malformed answer"]] as const) {
  test(`${mode} → ShieldUnavailableError (${reason}), within the deadline`, async () => {
    cs.mode = mode;
    const started = Date.now();
    await assert.rejects(shieldFor({ deadlineMs: 600 }).shield({ userPrompt: "hi", documents: ["a"] }), (error: unknown) => {
      assert.ok(error instanceof ShieldUnavailableError);
      assert.equal(error.reason, reason);
      return true;
    });
    assert.ok(Date.now() - started < 600 + 1_000, "bounded by the deadline");
    cs.mode = "ok";
  });
}

test("the circuit opens after repeated failures and fails fast, then closes after a good trial", async () => {
  let now = 0;
  const breaker = new CircuitBreaker(2, 1_000, () => now);
  const shield = shieldFor({ breaker, deadlineMs: 300 });
  cs.mode = "error";
  for (let i = 0; i < 2; i += 1) await assert.rejects(shield.shield({ userPrompt: "x", documents: [] }));
  const calls = cs.calls.length;
  await assert.rejects(shield.shield({ userPrompt: "x", documents: [] }), /circuit open/);
  assert.equal(cs.calls.length, calls, "no call while open");
  assert.equal(shield.state(), "circuit open");
  cs.mode = "ok";
  now += 1_001;
  assert.deepEqual(await shield.shield({ userPrompt: "x", documents: [] }), { userPromptAttack: false, documentsAttack: [] });
  assert.equal(shield.state(), undefined);
});

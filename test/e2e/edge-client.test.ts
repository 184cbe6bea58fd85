// EdgeClient against a scriptable local HTTP double: the wire contract of each call, retries on
// 503/network errors with backoff that honours Retry-After, per-attempt timeouts, the call budget, and
// typed errors. (The real edge is exercised end to end in mcp-e2e.test.ts.)
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  EdgeClient,
  EdgeError,
  EdgeRejectedError,
  EdgeResponseError,
  EdgeTimeoutError,
  EdgeUnavailableError,
  parseRetryAfter,
  type EdgeClientOptions,
} from "mcp-security-edge/client";
import { startEdgeDouble, type EdgeDouble } from "./double.ts";

let double: EdgeDouble;
const WORKLOAD = "workload.token.value";

before(async () => {
  double = await startEdgeDouble();
});
after(() => double.close());
beforeEach(() => {
  double.requests.length = 0;
});

const client = (options: Partial<EdgeClientOptions> = {}): EdgeClient =>
  new EdgeClient({ edgeUrl: double.url, getWorkloadToken: () => WORKLOAD, backoffMs: 20, ...options });

const okExchange = { status: 200, body: { access_token: "minted", token_type: "Bearer", issued_token_type: "urn:ietf:params:oauth:token-type:access_token", expires_in: 300, scope: "forecast.read" } };

async function expectError<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}`);
}

test("exchangeToken: an RFC 8693 form with the workload token as client assertion, never as a bearer", async () => {
  double.answer = () => okExchange;
  const result = await client().exchangeToken("user.token", "https://api.example/forecast", ["forecast.read", "x"], { actorToken: "actor" });
  assert.equal(result.accessToken, "minted");
  assert.equal(result.expiresIn, 300);
  assert.equal(result.scope, "forecast.read");
  assert.ok(Math.abs(result.expiresAt - (Date.now() + 300_000)) < 2_000);
  const [request] = double.requests;
  assert.equal(request?.method, "POST");
  assert.equal(request?.path, "/api/token-exchange");
  assert.equal(request?.headers["content-type"], "application/x-www-form-urlencoded");
  assert.equal(request?.headers.authorization, undefined);
  const form = new URLSearchParams(request?.body);
  assert.equal(form.get("grant_type"), "urn:ietf:params:oauth:grant-type:token-exchange");
  assert.equal(form.get("subject_token"), "user.token");
  assert.equal(form.get("subject_token_type"), "urn:ietf:params:oauth:token-type:access_token");
  assert.equal(form.get("resource"), "https://api.example/forecast");
  assert.equal(form.get("scope"), "forecast.read x");
  assert.equal(form.get("client_assertion_type"), "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  assert.equal(form.get("client_assertion"), WORKLOAD);
  assert.equal(form.get("actor_token"), "actor");
});

test("screen and verifyTools carry the workload token and the MCP headers", async () => {
  double.answer = (r) =>
    r.path === "/api/screen"
      ? { status: 200, body: { verdict: "block", findings: [{ rule: "r" }], shield: { provider: "local", userPromptAttack: false, documentsAttack: [] } } }
      : { status: 200, body: { verdict: "allow", serverId: "weather", complete: true, pinsVersion: 1, tools: [], findings: [], counts: { pinned: 0, changed: 0, new: 0, removed: 0 } } };
  const edge = client({ headers: { "x-functions-key": "k" } });
  const message = { jsonrpc: "2.0" as const, id: 1, result: { content: [] } };
  const verdict = await edge.screen(message, { method: "tools/call", serverId: "weather" });
  assert.equal(verdict.verdict, "block");
  const verified = await edge.verifyTools("weather", { tools: [] });
  assert.equal(verified.verdict, "allow");
  const [screen, verify] = double.requests;
  assert.equal(screen?.headers.authorization, `Bearer ${WORKLOAD}`);
  assert.equal(screen?.headers["x-mcp-method"], "tools/call");
  assert.equal(screen?.headers["x-mcp-server-id"], "weather");
  assert.equal(screen?.headers["x-functions-key"], "k");
  assert.deepEqual(JSON.parse(screen?.body ?? ""), message);
  assert.equal(verify?.path, "/api/servers/weather/tools/verify");
  assert.equal(verify?.headers.authorization, `Bearer ${WORKLOAD}`);
});

test("sessions carry the user's token; validateSession caches a positive answer, not a 404", async () => {
  const userToken = "h.eyJleHAiOjQxMDI0NDQ4MDB9.s"; // exp in 2100
  double.answer = (r) => {
    if (r.method === "POST") return { status: 201, body: { sessionId: "S".repeat(43), expiresAt: "2100-01-01T00:00:00Z", idleExpiresAt: "2100-01-01T00:00:00Z" } };
    if (r.path.endsWith("/known")) return { status: 200, body: { userKeyHash: "u", expiresAt: "2100-01-01T00:00:00Z", idleExpiresAt: "2100-01-01T00:00:00Z", backendSessionId: "b" } };
    if (r.method === "DELETE") return { status: 404, headers: { "Content-Type": "application/problem+json" }, body: { type: "urn:mcp-security-edge:problem:session-not-found", status: 404 } };
    return { status: 404, headers: { "Content-Type": "application/problem+json" }, body: { type: "urn:mcp-security-edge:problem:session-not-found", status: 404, detail: "no such session" } };
  };
  const edge = client();
  const issued = await edge.createSession(userToken, { resource: "https://mcp.example/x", backendSessionId: "b" });
  assert.equal(issued.sessionId, "S".repeat(43));
  assert.equal(double.requests[0]?.headers.authorization, `Bearer ${userToken}`);
  assert.deepEqual(JSON.parse(double.requests[0]?.body ?? ""), { resource: "https://mcp.example/x", backendSessionId: "b" });

  assert.equal((await edge.validateSession("known", userToken))?.backendSessionId, "b");
  assert.equal((await edge.validateSession("known", userToken))?.backendSessionId, "b");
  assert.equal(double.requests.filter((r) => r.path === "/api/sessions/known").length, 1, "the second check came from the cache");
  assert.equal(await edge.validateSession("unknown", userToken), null);
  assert.equal(await edge.validateSession("unknown", userToken), null);
  assert.equal(double.requests.filter((r) => r.path === "/api/sessions/unknown").length, 2, "404s are not cached");
  assert.equal(double.requests.at(-1)?.headers.authorization, `Bearer ${userToken}`);
  assert.equal(await edge.revokeSession("gone", userToken), false);
});

test("503 is retried with backoff until it succeeds; Retry-After is honoured", async () => {
  let n = 0;
  double.answer = () => (++n < 3 ? { status: 503, headers: { "Retry-After": n === 1 ? "1" : "0" }, body: { error: "temporarily_unavailable" } } : okExchange);
  const started = Date.now();
  const result = await client({ retries: 2 }).exchangeToken("u", "https://api.example/r");
  assert.equal(result.accessToken, "minted");
  assert.equal(double.requests.length, 3);
  const [first, second, third] = double.requests.map((r) => r.at) as [number, number, number];
  assert.ok(second - first >= 950, `waited ${second - first} ms for Retry-After: 1`);
  assert.ok(third - second >= 25, `backoff grows (${third - second} ms)`);
  assert.ok(Date.now() - started < 10_000);
});

test("503 every time → EdgeUnavailableError after 1 + retries attempts, with status and Retry-After", async () => {
  double.answer = () => ({ status: 503, headers: { "Retry-After": "0" }, body: { type: "urn:mcp-security-edge:problem:dependency-unavailable" } });
  const error = await expectError(client({ retries: 3 }).screen({ userPrompt: "hi" }), EdgeUnavailableError);
  assert.equal(error.status, 503);
  assert.equal(error.retryAfterMs, 0);
  assert.equal(double.requests.length, 4);
  assert.ok(error instanceof EdgeError);
});

test("a Retry-After longer than maxRetryAfterMs ends the retries at once", async () => {
  double.answer = () => ({ status: 503, headers: { "Retry-After": "30" } });
  const started = Date.now();
  const error = await expectError(client({ retries: 5, maxRetryAfterMs: 1_000 }).screen({ userPrompt: "hi" }), EdgeUnavailableError);
  assert.equal(error.retryAfterMs, 30_000);
  assert.equal(double.requests.length, 1);
  assert.ok(Date.now() - started < 5_000, "no 30 s wait");
});

test("an attempt past timeoutMs → retried, then EdgeTimeoutError (an EdgeUnavailableError)", async () => {
  double.answer = () => ({ ...okExchange, delayMs: 400 });
  const started = Date.now();
  const error = await expectError(client({ timeoutMs: 100, retries: 1 }).exchangeToken("u", "https://api.example/r"), EdgeTimeoutError);
  assert.ok(error instanceof EdgeUnavailableError);
  assert.equal(error.code, "timeout");
  assert.equal(double.requests.length, 2);
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 200 && elapsed < 1_000, `two attempts of 100 ms (${elapsed} ms)`);
});

test("a slow edge then a fast one: the retry succeeds", async () => {
  let n = 0;
  double.answer = () => ({ ...okExchange, delayMs: ++n === 1 ? 400 : 0 });
  const result = await client({ timeoutMs: 100, retries: 1 }).exchangeToken("u", "https://api.example/r");
  assert.equal(result.accessToken, "minted");
});

test("the call budget bounds all attempts and waits", async () => {
  double.answer = () => ({ status: 503, headers: { "Retry-After": "1" } });
  const started = Date.now();
  await expectError(client({ retries: 10, budgetMs: 1_500 }).screen({ userPrompt: "hi" }), EdgeUnavailableError);
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 1_600, `bounded by the budget (${elapsed} ms)`);
  assert.equal(double.requests.length, 2, "a wait that would overrun the budget is not started");
});

test("network errors are retried, then EdgeUnavailableError", async () => {
  const dead = createServer();
  await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
  const port = (dead.address() as AddressInfo).port;
  await new Promise<void>((resolve) => dead.close(() => resolve()));
  const attempts: number[] = [];
  const edge = new EdgeClient({
    edgeUrl: `http://127.0.0.1:${port}`,
    getWorkloadToken: () => WORKLOAD,
    retries: 2,
    backoffMs: 10,
    fetch: (input, init) => {
      attempts.push(Date.now());
      return fetch(input, init);
    },
  });
  const error = await expectError(edge.screen({ userPrompt: "hi" }), EdgeUnavailableError);
  assert.equal(error.status, undefined);
  assert.equal(error.code, "unavailable");
  assert.ok(error.cause, "the network error is kept as the cause");
  assert.equal(attempts.length, 3);
});

test("4xx → EdgeRejectedError with status and code, never retried", async () => {
  double.answer = () => ({ status: 400, body: { error: "invalid_target", error_description: "unknown resource" } });
  const oauth = await expectError(client().exchangeToken("u", "https://api.example/unknown"), EdgeRejectedError);
  assert.equal(oauth.status, 400);
  assert.equal(oauth.code, "invalid_target");
  assert.equal(oauth.description, "unknown resource");
  assert.equal(double.requests.length, 1);

  double.answer = () => ({ status: 401, headers: { "WWW-Authenticate": "Bearer" }, body: { error: "invalid_client", error_description: "client authentication failed" } });
  assert.equal((await expectError(client().exchangeToken("u", "https://api.example/r"), EdgeRejectedError)).code, "invalid_client");

  double.answer = () => ({ status: 403, headers: { "Content-Type": "application/problem+json" }, body: { type: "urn:mcp-security-edge:problem:insufficient-scope", status: 403, detail: "requires the app role Edge.Screen" } });
  const problem = await expectError(client().screen({ userPrompt: "x" }), EdgeRejectedError);
  assert.equal(problem.status, 403);
  assert.equal(problem.code, "insufficient-scope");
  assert.equal(problem.description, "requires the app role Edge.Screen");

  double.answer = () => ({ status: 429, headers: { "Retry-After": "1" }, body: "slow down" });
  assert.equal((await expectError(client().screen({ userPrompt: "x" }), EdgeRejectedError)).code, "http_429");
  assert.equal(double.requests.length, 4);
});

test("500 and malformed answers → EdgeResponseError, not retried", async () => {
  double.answer = () => ({ status: 500, body: { type: "urn:mcp-security-edge:problem:internal-error" } });
  const failed = await expectError(client().screen({ userPrompt: "x" }), EdgeResponseError);
  assert.equal(failed.status, 500);
  assert.equal(double.requests.length, 1);

  double.answer = () => ({ status: 200, body: "<html>not json</html>" });
  await expectError(client().screen({ userPrompt: "x" }), EdgeResponseError);
  double.answer = () => ({ status: 200, body: { verdict: "maybe" } });
  await expectError(client().screen({ userPrompt: "x" }), EdgeResponseError);
  double.answer = () => ({ status: 200, body: { token_type: "Bearer" } });
  await expectError(client().exchangeToken("u", "https://api.example/r"), EdgeResponseError);
});

test("metadata: RFC 8414 document whose issuer must be the edge; cached; a failure is not cached", async () => {
  let healthy = false;
  double.answer = (r) =>
    r.path === "/.well-known/oauth-authorization-server" && healthy
      ? { status: 200, body: { issuer: double.url, token_endpoint: `${double.url}/api/token-exchange`, jwks_uri: `${double.url}/.well-known/jwks.json` } }
      : { status: 503 };
  const edge = client({ retries: 0 });
  await expectError(edge.metadata(), EdgeUnavailableError);
  healthy = true;
  assert.equal((await edge.metadata()).jwks_uri, `${double.url}/.well-known/jwks.json`);
  await edge.metadata();
  assert.equal(double.requests.length, 2);
  assert.equal(double.requests[1]?.headers.authorization, undefined, "metadata is anonymous");

  double.answer = () => ({ status: 200, body: { issuer: "https://evil.example", token_endpoint: "x", jwks_uri: "https://evil.example/jwks" } });
  await expectError(client().metadata(), EdgeResponseError);
});

test("a caller's abort signal stops the retries", async () => {
  double.answer = () => ({ status: 503, headers: { "Retry-After": "1" } });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("caller gave up")), 100).unref();
  await assert.rejects(client({ retries: 5 }).screen({ userPrompt: "x" }, { signal: controller.signal }), /caller gave up/);
  assert.equal(double.requests.length, 1);
});

test("options are checked; http is refused except on loopback", () => {
  assert.throws(() => new EdgeClient({ edgeUrl: "http://edge.example", getWorkloadToken: () => "t" }), /https/);
  assert.throws(() => client({ timeoutMs: 0 }), RangeError);
  assert.throws(() => client({ retries: -1 }), RangeError);
  assert.equal(new EdgeClient({ edgeUrl: "https://edge.example/base/", getWorkloadToken: () => "t" }).edgeUrl, "https://edge.example/base");
});

test("parseRetryAfter: delay-seconds and HTTP-date", () => {
  assert.equal(parseRetryAfter("5"), 5_000);
  assert.equal(parseRetryAfter(null), undefined);
  assert.equal(parseRetryAfter("soon"), undefined);
  const now = Date.parse("2030-01-01T00:00:00Z");
  assert.equal(parseRetryAfter("Tue, 01 Jan 2030 00:00:10 GMT", now), 10_000);
  assert.equal(parseRetryAfter("Tue, 01 Jan 2030 00:00:00 GMT", now + 5_000), 0);
});

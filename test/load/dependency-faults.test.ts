// Bursts of traffic while a dependency misbehaves: the issuer's JWKS down → every exchange is a 503
// (fail closed); Content Safety throttling (429) or hanging → every screening is `block` under the
// closed fail mode, each answered within the configured deadline plus a small margin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startOidcDouble, type OidcDouble } from "../helpers/oidc-double.ts";
import { startContentSafetyDouble, type ContentSafetyDouble } from "../helpers/content-safety-double.ts";
import { startTestEdge, type TestEdge } from "../helpers/edge.ts";

const AUDIENCE = "api://edge-under-test";
const RESOURCE = "https://mcp.contoso.example/weather";
const DEADLINE_MS = 400;
let idp: OidcDouble;
let cs: ContentSafetyDouble;
let edge: TestEdge;

before(async () => {
  idp = await startOidcDouble({ slowMs: 5_000 });
  cs = await startContentSafetyDouble();
  edge = await startTestEdge(
    {
      EDGE_TRUSTED_ISSUERS: idp.issuer,
      EDGE_ROLE_ISSUERS: idp.issuer,
      EDGE_AUDIENCES: AUDIENCE,
      EDGE_RESOURCES: JSON.stringify({ [RESOURCE]: { scopes: ["weather.read"], defaultScopes: ["weather.read"] } }),
      CONTENT_SAFETY_ENDPOINT: cs.endpoint,
      EDGE_SCREEN_DEADLINE_MS: String(DEADLINE_MS),
    },
    { keySource: { timeoutMs: 300, cooldownMs: 0, discoveryRetryMs: 0 }, contentSafety: { credential: cs.credential, additionalPolicies: [cs.trustPolicy] } },
  );
});
after(async () => {
  await edge.stop();
  await idp.close();
  await cs.close();
});

/** Sends `count` requests at `rate` per second; returns status counts and the slowest answer. */
async function burst(count: number, rate: number, send: (i: number) => Promise<Response>): Promise<{ statuses: Record<string, number>; bodies: unknown[]; maxMs: number }> {
  const statuses: Record<string, number> = {};
  const bodies: unknown[] = [];
  let maxMs = 0;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * 1000) / rate));
      const started = Date.now();
      const response = await send(i);
      bodies.push(await response.json());
      maxMs = Math.max(maxMs, Date.now() - started);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }),
  );
  return { statuses, bodies, maxMs };
}

test("JWKS down: every token exchange fails closed with 503", async () => {
  const users = await Promise.all(Array.from({ length: 20 }, (_, i) => idp.sign({ sub: `u${i}`, aud: AUDIENCE, scp: "mcp.tools", azp: "app", jti: `x${i}` })));
  const client = await idp.sign({ sub: "apim", azp: "apim", idtyp: "app", aud: AUDIENCE, roles: ["Edge.Exchange"] });
  idp.jwksMode = "down";
  const result = await burst(100, 50, (i) =>
    edge.fetch("/api/token-exchange", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: users[i % users.length] as string,
        subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
        resource: RESOURCE,
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: client,
      }),
    }),
  );
  idp.jwksMode = undefined;
  console.log(`JWKS down, 100 exchanges: ${JSON.stringify(result.statuses)}, slowest ${result.maxMs} ms`);
  assert.deepEqual(result.statuses, { "503": 100 });
});

// Hang first: its first requests run into the deadline before the circuit breaker opens.
for (const mode of ["hang", "throttle"] as const) {
  test(`Content Safety ${mode}: every screening blocks (fail closed) within the deadline`, async () => {
    const user = await idp.sign({ sub: "alice", aud: AUDIENCE, scp: "mcp.tools", azp: "app" });
    cs.mode = mode;
    const result = await burst(60, 30, () =>
      edge.fetch("/api/screen", { method: "POST", headers: { Authorization: `Bearer ${user}`, "Content-Type": "application/json" }, body: JSON.stringify({ userPrompt: "What is the weather?" }) }),
    );
    cs.mode = "ok";
    const verdicts: Record<string, number> = {};
    for (const body of result.bodies as Array<{ verdict: string }>) verdicts[body.verdict] = (verdicts[body.verdict] ?? 0) + 1;
    console.log(`Content Safety ${mode}, 60 screenings: statuses ${JSON.stringify(result.statuses)}, verdicts ${JSON.stringify(verdicts)}, slowest ${result.maxMs} ms (deadline ${DEADLINE_MS} ms)`);
    assert.deepEqual(result.statuses, { "200": 60 });
    assert.deepEqual(verdicts, { block: 60 });
    // Bounded by the deadline; the margin absorbs a loaded CI machine.
    assert.ok(result.maxMs < DEADLINE_MS + 1_500, `slowest ${result.maxMs} ms`);
  });
}

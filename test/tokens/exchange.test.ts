// Token exchange as its users rely on it: a downstream MCP server validates minted tokens from the
// published metadata alone, a standard OAuth client performs the exchange, chains and delegation
// are recorded in `act`, On-Behalf-Of goes to Entra, and every dependency failure is a 503.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { AUDIENCE, FORECAST, GRAPH, WEATHER, entraUserClaims, exchangeForm, postExchange, startBed, userClaims, workloadClaims, type Bed } from "./setup.ts";

let bed: Bed;
let client: string;

before(async () => {
  bed = await startBed({ timeoutMs: 400, cooldownMs: 0, discoveryRetryMs: 0 });
  client = await bed.a.sign(workloadClaims("apim", ["Edge.Exchange"]));
});
after(() => bed.close());

test("a downstream server validates the minted token with nothing but the edge's RFC 8414 metadata", async () => {
  const subject = await bed.a.sign(userClaims({ exp: Math.floor(Date.now() / 1000) + 3600 }));
  const { status, body, headers } = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: client }));
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(headers.get("cache-control"), "no-store");
  assert.equal(body.token_type, "Bearer");
  assert.equal(body.issued_token_type, "urn:ietf:params:oauth:token-type:access_token");
  assert.equal(body.scope, "weather.read");
  assert.equal(body.expires_in, 300);

  const metadata = (await (await bed.edge.fetch("/.well-known/oauth-authorization-server")).json()) as Record<string, unknown>;
  assert.deepEqual(metadata.response_types_supported, []);
  assert.deepEqual(metadata.grant_types_supported, ["urn:ietf:params:oauth:grant-type:token-exchange"]);
  const jwks = createRemoteJWKSet(new URL(String(metadata.jwks_uri)));
  const { payload, protectedHeader } = await jwtVerify(String(body.access_token), jwks, {
    issuer: String(metadata.issuer),
    audience: WEATHER,
    typ: "at+jwt",
    algorithms: ["ES256"],
  });
  assert.equal(protectedHeader.typ, "at+jwt");
  assert.equal(payload.client_id, "apim");
  assert.equal(payload.scope, "weather.read");
  assert.match(String(payload.sub), /^[0-9a-f]{64}$/, "sub is the hashed user key");
  assert.ok(payload.jti && payload.iat && payload.nbf && payload.exp);
  // Nothing else is copied from the subject token.
  assert.deepEqual(Object.keys(payload).sort(), ["aud", "client_id", "exp", "iat", "iss", "jti", "nbf", "scope", "sub"]);
  assert.ok(!String(body.access_token).includes(subject.split(".")[1] as string));
  const jwksResponse = await bed.edge.fetch("/.well-known/jwks.json");
  assert.match(jwksResponse.headers.get("cache-control") ?? "", /max-age=\d+/);
  const keys = ((await jwksResponse.json()) as { keys: Array<Record<string, unknown>> }).keys;
  assert.ok(keys.every((k) => !("d" in k)), "public keys only");
});

test("a standard OAuth client library (oauth4webapi) performs the exchange from the metadata alone", async () => {
  const issuer = new URL(bed.edge.url);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", [oauth.allowInsecureRequests]: true }));
  const assertion = client;
  const clientAuth: oauth.ClientAuth = (_as, _client, body) => {
    body.set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    body.set("client_assertion", assertion);
  };
  const response = await oauth.genericTokenEndpointRequest(
    as,
    { client_id: "apim" },
    clientAuth,
    "urn:ietf:params:oauth:grant-type:token-exchange",
    {
      subject_token: await bed.a.sign(userClaims()),
      subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
      resource: WEATHER,
      scope: "weather.read weather.write admin.everything",
    },
    { [oauth.allowInsecureRequests]: true },
  );
  const result = await oauth.processGenericTokenEndpointResponse(as, { client_id: "apim" }, response);
  assert.equal(result.token_type, "bearer");
  assert.equal(result.scope, "weather.read weather.write", "down-scoped to the policy");
});

test("an issuer with a path serves its metadata at the RFC 8414 §3.1 location", async () => {
  const { startTestEdge } = await import("../helpers/edge.ts");
  const { freePort } = await import("../../functions/local/azurite.ts");
  const port = await freePort();
  const edge = await startTestEdge({ PORT: String(port), EDGE_PUBLIC_URL: `http://127.0.0.1:${port}/tenant-a` });
  try {
    const response = await edge.fetch("/.well-known/oauth-authorization-server/tenant-a");
    assert.equal(response.status, 200);
    const metadata = (await response.json()) as Record<string, unknown>;
    assert.equal(metadata.issuer, `http://127.0.0.1:${port}/tenant-a`);
    assert.equal((await edge.fetch("/.well-known/oauth-authorization-server")).status, 404);
    assert.equal((await edge.fetch("/.well-known/oauth-authorization-server/other")).status, 404);
  } finally {
    await edge.stop();
  }
});

test("delegation: an actor token of the requester puts act.sub in the token; another's is refused", async () => {
  const subject = await bed.a.sign(userClaims());
  const ok = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: client, actor_token: client, actor_token_type: "urn:ietf:params:oauth:token-type:access_token" }));
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(decodeJwt(String(ok.body.access_token)).act, { sub: "apim" });
  const stranger = await bed.a.sign(workloadClaims("someone-else", ["Edge.Exchange"]));
  const refused = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: client, actor_token: stranger, actor_token_type: "urn:ietf:params:oauth:token-type:access_token" }));
  assert.equal(refused.body.error, "invalid_request");
  const wrongAud = await bed.a.sign(workloadClaims("apim", ["Edge.Exchange"], { aud: "api://elsewhere" }));
  const refusedAud = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: client, actor_token: wrongAud, actor_token_type: "urn:ietf:params:oauth:token-type:access_token" }));
  assert.equal(refusedAud.body.error, "invalid_request");
});

test("a chained exchange keeps the user, narrows to the target, never outlives its subject, nests act", async () => {
  const subject = await bed.a.sign(userClaims());
  const first = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: client }));
  const firstToken = String(first.body.access_token);
  const server = await bed.a.sign(workloadClaims("weather-server", ["Edge.Exchange"]));
  const second = await postExchange(bed.edge, exchangeForm({ subject_token: firstToken, resource: FORECAST, client_assertion: server, scope: "forecast.read weather.write" }));
  assert.equal(second.status, 200, JSON.stringify(second.body));
  const a = decodeJwt(firstToken);
  const b = decodeJwt(String(second.body.access_token));
  assert.equal(b.sub, a.sub);
  assert.equal(b.aud, FORECAST);
  assert.equal(b.scope, "forecast.read");
  assert.ok((b.exp as number) <= (a.exp as number), "exp ≤ the subject's (forecast allows 600 s, weather's token has 300 s)");
  assert.deepEqual(b.act, { sub: "weather-server", act: { sub: "apim" } });
  assert.equal(decodeProtectedHeader(String(second.body.access_token)).typ, "at+jwt");
});

test("the minted token never outlives the subject token", async () => {
  const now = Math.floor(Date.now() / 1000);
  const subject = await bed.a.sign(userClaims({ exp: now + 90 }));
  const { body } = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: client }));
  assert.ok((decodeJwt(String(body.access_token)).exp as number) <= now + 90);
  assert.ok((body.expires_in as number) <= 90);
});

test("On-Behalf-Of: Entra is called with the managed-identity assertion, results are cached per user", async () => {
  bed.entraToken.mode = "ok";
  const before = bed.entraToken.requests.length;
  const subject = await bed.entra.sign(entraUserClaims());
  const first = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: GRAPH, client_assertion: client }));
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.match(String(first.body.access_token), /^entra-obo-token-/);
  assert.equal(first.body.scope, "https://graph.microsoft.com/User.Read");
  const sent = bed.entraToken.requests.at(-1) as URLSearchParams;
  assert.equal(sent.get("assertion"), subject, "the user's token goes only to Entra, as the OBO assertion");
  const second = await postExchange(bed.edge, exchangeForm({ subject_token: await bed.entra.sign(entraUserClaims()), resource: GRAPH, client_assertion: client }));
  assert.equal(second.body.access_token, first.body.access_token);
  assert.equal(bed.entraToken.requests.length, before + 1, "second exchange served from the cache");
});

test("On-Behalf-Of errors: claims challenge and consent are passed back, Entra down or refusing the edge → 503", async () => {
  const cases: Array<[typeof bed.entraToken.mode, number, string]> = [
    ["interaction_required", 400, "interaction_required"],
    ["consent_required", 400, "consent_required"],
    ["invalid_grant", 400, "invalid_request"],
    ["server_error", 503, "temporarily_unavailable"],
    ["invalid_client", 503, "temporarily_unavailable"],
  ];
  for (const [mode, status, error] of cases) {
    bed.entraToken.mode = mode;
    // A distinct user each time, so the cache cannot answer.
    const subject = await bed.entra.sign(entraUserClaims({ oid: crypto.randomUUID() }));
    const result = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: GRAPH, client_assertion: client }));
    assert.equal(result.status, status, mode);
    assert.equal(result.body.error, error, mode);
    if (mode === "interaction_required") assert.match(String(result.body.claims), /polids/);
    if (status === 503) assert.ok(result.headers.get("retry-after"));
  }
  bed.entraToken.mode = "ok";
});

test("On-Behalf-Of only for Entra user tokens whose audience is the edge's app", async () => {
  const notEntra = await postExchange(bed.edge, exchangeForm({ subject_token: await bed.a.sign(userClaims()), resource: GRAPH, client_assertion: client }));
  assert.equal(notEntra.body.error, "invalid_request");
  const otherAud = await postExchange(bed.edge, exchangeForm({ subject_token: await bed.entra.sign(entraUserClaims({ aud: AUDIENCE })), resource: GRAPH, client_assertion: client }));
  assert.equal(otherAud.body.error, "invalid_request");
});

for (const mode of ["down", "slow", "garbage"] as const) {
  test(`fail closed: the subject issuer's JWKS ${mode} → 503 temporarily_unavailable, never 200`, async () => {
    const { startOidcDouble } = await import("../helpers/oidc-double.ts");
    const { startTestEdge } = await import("../helpers/edge.ts");
    const idp = await startOidcDouble({ slowMs: 5_000 });
    const edge = await startTestEdge(
      { EDGE_TRUSTED_ISSUERS: idp.issuer, EDGE_ROLE_ISSUERS: idp.issuer, EDGE_AUDIENCES: AUDIENCE, EDGE_RESOURCES: JSON.stringify({ [WEATHER]: { scopes: ["weather.read"], defaultScopes: ["weather.read"] } }) },
      { keySource: { timeoutMs: 300, cooldownMs: 0, discoveryRetryMs: 0 } },
    );
    try {
      const assertion = await idp.sign(workloadClaims("apim", ["Edge.Exchange"]));
      idp.jwksMode = mode;
      const result = await postExchange(edge, exchangeForm({ subject_token: await idp.sign(userClaims()), resource: WEATHER, client_assertion: assertion }));
      assert.equal(result.status, 503, JSON.stringify(result.body));
      assert.equal(result.body.error, "temporarily_unavailable");
      assert.ok(result.headers.get("retry-after"));
      // Recovery: once the issuer answers again, the exchange succeeds.
      idp.jwksMode = undefined;
      const recovered = await postExchange(edge, exchangeForm({ subject_token: await idp.sign(userClaims()), resource: WEATHER, client_assertion: assertion }));
      assert.equal(recovered.status, 200, JSON.stringify(recovered.body));
    } finally {
      await edge.stop();
      await idp.close();
    }
  });
}

test("readiness names an issuer whose metadata cannot be loaded", async () => {
  const { startOidcDouble } = await import("../helpers/oidc-double.ts");
  const { startTestEdge, problemOf } = await import("../helpers/edge.ts");
  const idp = await startOidcDouble();
  idp.mode = "down";
  const edge = await startTestEdge({ EDGE_TRUSTED_ISSUERS: idp.issuer, EDGE_AUDIENCES: AUDIENCE }, { keySource: { timeoutMs: 300, cooldownMs: 0, discoveryRetryMs: 0 } });
  try {
    const response = await edge.fetch("/api/ready");
    assert.equal(response.status, 503);
    assert.match(String((await problemOf(response)).detail), new RegExp(`issuer:${idp.issuer.replace(/[.]/g, "\\.")}`));
    idp.mode = "ok";
    assert.equal((await edge.fetch("/api/ready")).status, 200);
  } finally {
    await edge.stop();
    await idp.close();
  }
});

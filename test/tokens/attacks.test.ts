// The attack suite over real HTTP: every malicious subject token is refused with 400
// invalid_request (RFC 8693 §2.2.2), every bad client with 401 invalid_client, never a 500.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { KeyObject, randomUUID, sign } from "node:crypto";
import { base64url, exportJWK, generateKeyPair, SignJWT } from "jose";
import { startOidcDouble } from "../helpers/oidc-double.ts";
import { AUDIENCE, FORECAST, LOCKED, OTHER_TENANT, WEATHER, entraUserClaims, exchangeForm, postExchange, startBed, userClaims, workloadClaims, type Bed } from "./setup.ts";

let bed: Bed;
let client: string;

before(async () => {
  bed = await startBed();
  client = await bed.a.sign(workloadClaims("apim", ["Edge.Exchange"]));
});
after(() => bed.close());

function encode(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

async function expectRejectedSubject(subjectToken: string, label: string, resource = WEATHER): Promise<void> {
  const { status, body } = await postExchange(bed.edge, exchangeForm({ subject_token: subjectToken, resource, client_assertion: client }));
  assert.equal(status, 400, `${label}: ${JSON.stringify(body)}`);
  assert.equal(body.error, "invalid_request", label);
  assert.ok(!("access_token" in body), label);
  assert.ok(typeof body.error_description === "string" && body.error_description.length < 80, label);
}

test("the happy path works, so the refusals below are meaningful", async () => {
  const { status, body } = await postExchange(bed.edge, exchangeForm({ subject_token: await bed.a.sign(userClaims()), resource: WEATHER, client_assertion: client }));
  assert.equal(status, 200, JSON.stringify(body));
});

test("alg none", async () => {
  const now = Math.floor(Date.now() / 1000);
  const token = `${encode({ alg: "none", typ: "JWT" })}.${encode({ ...userClaims(), iss: bed.a.issuer, iat: now, exp: now + 600 })}.`;
  await expectRejectedSubject(token, "alg none");
});

test("HS256 signed with the issuer's public key as the HMAC secret", async () => {
  const secret = new TextEncoder().encode(JSON.stringify(bed.a.publicJwk));
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ ...userClaims(), iss: bed.a.issuer, iat: now, exp: now + 600 })
    .setProtectedHeader({ alg: "HS256", kid: bed.a.publicJwk.kid as string })
    .sign(secret);
  await expectRejectedSubject(token, "HS256 key confusion");
});

test("a key embedded in the header (jwk, jku, x5u, x5c) is never used or fetched", async () => {
  const attacker = await generateKeyPair("RS256", { extractable: true });
  const attackerJwk = { ...(await exportJWK(attacker.publicKey)), kid: "attacker" };
  const lure = await startOidcDouble();
  try {
    for (const header of [
      { jwk: attackerJwk },
      { jku: `${lure.url}/jwks` },
      { x5u: `${lure.url}/cert.pem` },
      { x5c: ["MIIBfake"] },
    ]) {
      const token = await bed.a.sign(userClaims(), { kid: "attacker", key: attacker.privateKey, header });
      await expectRejectedSubject(token, `embedded ${Object.keys(header)[0]}`);
    }
    assert.equal(lure.hits.size, 0, "no jku/x5u fetch");
  } finally {
    await lure.close();
  }
});

test("unknown kid, and a kid with path traversal", async () => {
  const attacker = await generateKeyPair("RS256");
  await expectRejectedSubject(await bed.a.sign(userClaims(), { kid: randomUUID(), key: attacker.privateKey }), "unknown kid");
  await expectRejectedSubject(await bed.a.sign(userClaims(), { kid: "../../../../etc/passwd", key: attacker.privateKey }), "kid traversal");
  await expectRejectedSubject(await bed.a.sign(userClaims(), { kid: "../../../../etc/passwd" }), "kid traversal, real key");
});

test("expired, not yet valid, issued in the future (beyond the 60 s tolerance)", async () => {
  const now = Math.floor(Date.now() / 1000);
  await expectRejectedSubject(await bed.a.sign(userClaims({ iat: now - 7200, nbf: now - 7200, exp: now - 120 })), "expired");
  await expectRejectedSubject(await bed.a.sign(userClaims({ nbf: now + 600, exp: now + 1200 })), "nbf in future");
  await expectRejectedSubject(await bed.a.sign(userClaims({ iat: now + 600, nbf: now, exp: now + 1200 })), "iat in future");
  const noExp = await bed.a.sign(userClaims({ exp: undefined }));
  await expectRejectedSubject(noExp, "no exp");
});

test("wrong audience, untrusted issuer, trusted issuer with another issuer's key", async () => {
  await expectRejectedSubject(await bed.a.sign(userClaims({ aud: "api://someone-else" })), "wrong aud");
  const stranger = await startOidcDouble();
  try {
    await expectRejectedSubject(await stranger.sign(userClaims()), "untrusted iss");
    assert.equal(stranger.hits.size, 0);
  } finally {
    await stranger.close();
  }
  await expectRejectedSubject(await bed.b.sign(userClaims({ iss: bed.a.issuer }), { kid: bed.b.publicJwk.kid as string }), "iss A, key B");
  await expectRejectedSubject(await bed.b.sign(userClaims({ iss: bed.a.issuer }), { kid: bed.a.publicJwk.kid as string }), "iss A, key B with A's kid");
});

test("an Entra token from another tenant", async () => {
  await expectRejectedSubject(await bed.entra.sign(entraUserClaims({ tid: OTHER_TENANT, aud: AUDIENCE })), "wrong tid");
});

test("a subject token without the resource's required inbound scope", async () => {
  await expectRejectedSubject(await bed.a.sign(userClaims({ scp: "mail.read" })), "missing scope");
});

test("an unknown critical header", async () => {
  // jose refuses to sign with an unknown crit, so the token is put together by hand.
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "RS256", kid: bed.a.publicJwk.kid, crit: ["x-unknown"], "x-unknown": true };
  const input = `${encode(header)}.${encode({ ...userClaims(), iss: bed.a.issuer, iat: now, exp: now + 600 })}`;
  const signature = sign("sha256", Buffer.from(input), KeyObject.from(bed.a.privateKey));
  await expectRejectedSubject(`${input}.${base64url.encode(signature)}`, "unknown crit");
  // The same token without crit is accepted: the refusal is for crit alone.
  const plainInput = `${encode({ alg: "RS256", kid: bed.a.publicJwk.kid })}.${encode({ ...userClaims(), iss: bed.a.issuer, iat: now, exp: now + 600 })}`;
  const plain = `${plainInput}.${base64url.encode(sign("sha256", Buffer.from(plainInput), KeyObject.from(bed.a.privateKey)))}`;
  const { status } = await postExchange(bed.edge, exchangeForm({ subject_token: plain, resource: WEATHER, client_assertion: client }));
  assert.equal(status, 200);
});

test("a 17 KiB token, truncated and garbage tokens", async () => {
  await expectRejectedSubject(await bed.a.sign(userClaims({ pad: "x".repeat(17 * 1024) })), "17 KiB");
  const good = await bed.a.sign(userClaims());
  await expectRejectedSubject(good.slice(0, -5), "truncated signature");
  await expectRejectedSubject(good.split(".").slice(0, 2).join("."), "two parts");
  for (const garbage of ["garbage", "a.b.c", "....", "eyJ.eyJ.eyJ", "\u0000"]) await expectRejectedSubject(garbage, `garbage ${garbage}`);
});

test("an app-only token as subject", async () => {
  await expectRejectedSubject(await bed.a.sign(workloadClaims("some-app", ["Edge.Exchange"])), "app-only subject");
});

test("an edge-minted token presented for a resource its aud may not chain to", async () => {
  const server = await bed.a.sign(workloadClaims("weather-server", ["Edge.Exchange"]));
  const minted = await postExchange(bed.edge, exchangeForm({ subject_token: await bed.a.sign(userClaims()), resource: WEATHER, client_assertion: client }));
  assert.equal(minted.status, 200);
  const edgeToken = minted.body.access_token as string;
  // Allowed chain for comparison: weather-server → forecast.
  const ok = await postExchange(bed.edge, exchangeForm({ subject_token: edgeToken, resource: FORECAST, client_assertion: server }));
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  // Not in allowedDownstream:
  const { status, body } = await postExchange(bed.edge, exchangeForm({ subject_token: edgeToken, resource: LOCKED, client_assertion: server }));
  assert.equal(status, 400);
  assert.equal(body.error, "invalid_request");
  // A requester that does not run the token's audience:
  await expectRejectedSubject(edgeToken, "chain by a non-requester", FORECAST);
  // An edge token tampered with:
  const [h, p] = edgeToken.split(".");
  await expectRejectedSubject(`${h}.${p}.${base64url.encode(new Uint8Array(64))}`, "forged edge token", FORECAST);
});

test("client authentication: none, without Edge.Exchange, a user token, a role from a non-role issuer → 401 invalid_client", async () => {
  const subject = await bed.a.sign(userClaims());
  const cases: Array<[string, string | undefined]> = [
    ["no assertion", undefined],
    ["without Edge.Exchange", await bed.a.sign(workloadClaims("apim", ["Edge.Screen"]))],
    ["a user token", await bed.a.sign(userClaims({ roles: ["Edge.Exchange"] }))],
    ["role from issuer B", await bed.b.sign(workloadClaims("apim", ["Edge.Exchange"]))],
    ["expired assertion", await bed.a.sign(workloadClaims("apim", ["Edge.Exchange"], { exp: Math.floor(Date.now() / 1000) - 3600 }))],
  ];
  for (const [label, assertion] of cases) {
    const { status, body, headers } = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: assertion }));
    assert.equal(status, 401, label);
    assert.equal(body.error, "invalid_client", label);
    assert.ok(headers.get("www-authenticate"), label);
  }
});

test("policy refusals: unknown resource, disallowed requester or client, no allowed scope", async () => {
  const subject = await bed.a.sign(userClaims());
  const unknown = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: "https://nowhere.example/x", client_assertion: client }));
  assert.equal(unknown.body.error, "invalid_target");
  const other = await bed.a.sign(workloadClaims("other-gateway", ["Edge.Exchange"]));
  const requester = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: LOCKED, client_assertion: other }));
  assert.equal(requester.body.error, "invalid_target");
  const wrongClient = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: LOCKED, client_assertion: client }));
  assert.equal(wrongClient.body.error, "invalid_request");
  const scope = await postExchange(bed.edge, exchangeForm({ subject_token: subject, resource: WEATHER, scope: "admin.all", client_assertion: client }));
  assert.equal(scope.body.error, "invalid_scope");
  const grant = await postExchange(bed.edge, exchangeForm({ grant_type: "client_credentials", subject_token: subject, resource: WEATHER, client_assertion: client }));
  assert.equal(grant.body.error, "unsupported_grant_type");
  const two = new URLSearchParams(exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: client }));
  two.append("resource", FORECAST);
  assert.equal((await postExchange(bed.edge, two)).body.error, "invalid_request");
  const dup = new URLSearchParams(exchangeForm({ subject_token: subject, resource: WEATHER, client_assertion: client }));
  dup.append("subject_token", subject);
  assert.equal((await postExchange(bed.edge, dup)).body.error, "invalid_request");
});

test("denials are audited with a reason code and without any token", async () => {
  const denials = bed.edge.auditRecords.filter((r) => r.action === "token.exchange" && r.outcome === "deny");
  assert.ok(denials.length > 10);
  for (const record of denials) {
    assert.ok(record.reason, "reason code");
    assert.ok(["MCP01", "MCP02", "MCP07", "MCP08"].includes(record.owasp));
    assert.ok(!JSON.stringify(record).includes("eyJ"), "no token in the audit record");
  }
});

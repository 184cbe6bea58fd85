import { test } from "node:test";
import assert from "node:assert/strict";
import { redact, redactText } from "../../shared/audit/redact.ts";

const JWT =
  "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImF1ZCI6ImFwaTovL2VkZ2UifQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";
const SESSION_ID = "Qm9vbTEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9wcXJz";

test("JWTs, bearer tokens and session ids are removed from free text", () => {
  const out = redactText(`got ${JWT} and Authorization: Bearer abc.def and session ${SESSION_ID}.`);
  assert.ok(!out.includes(JWT.slice(0, 20)));
  assert.ok(!out.includes("abc.def"));
  assert.ok(!out.includes(SESSION_ID));
  assert.match(out, /\[REDACTED:jwt\]/);
});

test("keys in connection strings, query strings and PEM blocks are removed", () => {
  const conn = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net";
  assert.ok(!redactText(conn).includes("c2VjcmV0LWtleQ"));
  assert.ok(!redactText("InstrumentationKey=0000-1111;IngestionEndpoint=x").includes("0000-1111"));
  assert.ok(!redactText("https://x.blob.core.windows.net/c?sv=2022&sig=abcDEF123%2Bxyz").includes("abcDEF123"));
  const pem = "key: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY----- done";
  assert.equal(redactText(pem), "key: [REDACTED:pem] done");
});

test("hex digests (hashed user keys) and ordinary words are kept", () => {
  const hash = "2e4d24c6ab57f96e6ae8059fa11cb1356d2c538a4b708fd79a3d6eab5ee2910d";
  assert.equal(redactText(`subject ${hash}`), `subject ${hash}`);
  assert.equal(redactText("the token was expired"), "the token was expired");
  assert.equal(redactText("https://mcp.contoso.example/weather"), "https://mcp.contoso.example/weather");
});

test("sensitive fields of structured values are replaced whatever their content", () => {
  const out = redact({ headers: { authorization: "x", "x-functions-key": "k" }, body: { subject_token: "t", sessionId: "s", note: JWT } }) as {
    headers: Record<string, string>;
    body: Record<string, string>;
  };
  assert.equal(out.headers.authorization, "[REDACTED]");
  assert.equal(out.headers["x-functions-key"], "[REDACTED]");
  assert.equal(out.body.subject_token, "[REDACTED]");
  assert.equal(out.body.sessionId, "[REDACTED]");
  assert.equal(out.body.note, "[REDACTED:jwt]");
});

test("redaction is linear: 2 MB of near-matches completes and keeps its length bounded", () => {
  const inputs = ["eyJ".repeat(700_000), "a".repeat(2_000_000), "-----BEGIN ".repeat(200_000), "x=".repeat(1_000_000), "eyJa.".repeat(400_000)];
  for (const input of inputs) {
    const out = redactText(input);
    assert.ok(out.length <= input.length + 32);
  }
});

// The verified-token cache: a repeated token skips the signature check but never the time checks;
// failures are not remembered; a token is remembered for another audience list separately.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEV_ISSUER, LOCAL_AUDIENCE } from "../../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey, mintDevToken } from "../../shared/identity/dev-issuer.ts";
import { InvalidTokenError } from "../../shared/identity/errors.ts";
import { TokenVerifier } from "../../shared/identity/verify.ts";
import { TEST_KEY_DIR } from "../helpers/edge.ts";

test("a cached token expires on time, and failures are never cached", async () => {
  const key = await loadOrCreateDevIssuerKey(TEST_KEY_DIR);
  let now = Date.now();
  const verifier = new TokenVerifier({ issuers: [{ issuer: DEV_ISSUER, kind: "dev", jwks: key.jwks }], roleIssuers: [], now: () => now, cacheSeconds: 600 });
  const token = await mintDevToken(key, { sub: "alice", audience: LOCAL_AUDIENCE, ttlSeconds: 120 });
  const first = await verifier.verify(token, { audiences: [LOCAL_AUDIENCE] });
  assert.equal(await verifier.verify(token, { audiences: [LOCAL_AUDIENCE] }), first, "served from the cache");
  await assert.rejects(verifier.verify(token, { audiences: ["api://other"] }), InvalidTokenError, "another audience list is checked afresh");
  now += 200_000; // past exp + 60 s tolerance
  await assert.rejects(verifier.verify(token, { audiences: [LOCAL_AUDIENCE] }), InvalidTokenError);
  const forged = `${token.slice(0, -4)}AAAA`;
  await assert.rejects(verifier.verify(forged, { audiences: [LOCAL_AUDIENCE] }), InvalidTokenError);
  await assert.rejects(verifier.verify(forged, { audiences: [LOCAL_AUDIENCE] }), InvalidTokenError, "still refused the second time");
});

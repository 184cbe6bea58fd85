// Signing-key rotation: every enabled version is published; a new version signs only after it has
// been published longer than the JWKS may be cached; old versions are disabled only when no live
// token can need them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { jwtVerify, createLocalJWKSet } from "jose";
import { LocalSigningKeySource, newSigningKeyVersion } from "../../shared/tokens/local-signing-keys.ts";
import { PUBLISH_DELAY_MS, SigningKeys, selectSigningVersion, versionsToDisable, type SigningKeySource } from "../../shared/tokens/signing-keys.ts";
import { mintAccessToken } from "../../shared/tokens/mint.ts";
import { DependencyUnavailableError } from "../../shared/identity/errors.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const HOUR = 3_600_000;

test("a new version is published at once but signs only after the publish delay", async () => {
  const t0 = Date.UTC(2026, 0, 1);
  const v1 = await newSigningKeyVersion(t0);
  const v2 = await newSigningKeyVersion(t0 + 10 * HOUR);
  assert.equal(selectSigningVersion([v1], t0)?.kid, v1.kid, "the first key signs at once");
  assert.equal(selectSigningVersion([v1, v2], t0 + 10 * HOUR + 1000)?.kid, v1.kid, "too new to sign");
  assert.equal(selectSigningVersion([v1, v2], t0 + 10 * HOUR + PUBLISH_DELAY_MS)?.kid, v2.kid);
});

test("old versions are disabled only after the successor has signed for a full token lifetime", async () => {
  const t0 = Date.UTC(2026, 0, 1);
  const v1 = await newSigningKeyVersion(t0);
  const v2 = await newSigningKeyVersion(t0 + HOUR);
  const maxLifetime = 3600_000;
  const signsSince = t0 + HOUR + PUBLISH_DELAY_MS;
  assert.deepEqual(versionsToDisable([v1, v2], signsSince + maxLifetime - 1, maxLifetime), []);
  assert.deepEqual(versionsToDisable([v1, v2], signsSince + maxLifetime + 61_000, maxLifetime).map((v) => v.kid), [v1.kid]);
});

test("during a rotation, tokens of the old and new key both verify against the published JWKS", async () => {
  const dir = tempDir("edge-keys-");
  const source = new LocalSigningKeySource(dir);
  let now = Date.now();
  const oldKey = await new SigningKeys(source, { now: () => now }).active();
  now = Date.now() + 1;
  await source.add(await newSigningKeyVersion(now));
  // An instance that reads the versions after the rotation (as every instance does within KEY_REFRESH_MS).
  const keys = new SigningKeys(source, { now: () => now });
  const claims = { issuer: "http://edge", audience: "https://r", subject: "s", clientId: "c", scopes: ["x"], issuedAt: Math.floor(now / 1000), expiresAt: Math.floor(now / 1000) + 300 };
  const fromOld = await mintAccessToken(await keys.active(), claims);
  assert.equal((await keys.active()).kid, oldKey.kid, "the new version does not sign yet");
  assert.equal((await keys.jwks()).keys.length, 2, "but it is published");
  now += PUBLISH_DELAY_MS + 1;
  const newKey = await keys.active();
  assert.notEqual(newKey.kid, oldKey.kid);
  const fromNew = await mintAccessToken(newKey, { ...claims, issuedAt: Math.floor(now / 1000), expiresAt: Math.floor(now / 1000) + 300 });
  const jwks = createLocalJWKSet(await keys.jwks());
  await jwtVerify(fromOld, jwks, { currentDate: new Date(now - PUBLISH_DELAY_MS) });
  await jwtVerify(fromNew, jwks, { currentDate: new Date(now) });
});

test("a key store that cannot be read → DependencyUnavailableError (503), never an unsigned token", async () => {
  const broken: SigningKeySource = { name: "broken", versions: () => Promise.reject(new Error("vault down")) };
  await assert.rejects(new SigningKeys(broken).active(), DependencyUnavailableError);
  const empty: SigningKeySource = { name: "empty", versions: async () => [] };
  await assert.rejects(new SigningKeys(empty).active(), DependencyUnavailableError);
});

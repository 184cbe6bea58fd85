// Signing keys in Key Vault, against a double of its REST API over HTTPS: enabled versions are
// published, disabled and malformed ones are not, rotation adds and disables versions, and a vault
// that is down makes the edge unready and every exchange a 503 — never an unsigned token.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { exportJWK, generateKeyPair } from "jose";
import { KeyVaultSigningKeySource } from "../../shared/tokens/key-vault-signing-keys.ts";
import { PUBLISH_DELAY_MS, SigningKeys, versionsToDisable } from "../../shared/tokens/signing-keys.ts";
import { DependencyUnavailableError } from "../../shared/identity/errors.ts";
import { startKeyVaultDouble, type KeyVaultDouble } from "../helpers/key-vault-double.ts";
import { devToken, problemOf, startTestEdge } from "../helpers/edge.ts";
import { exchangeForm, postExchange } from "./setup.ts";

let kv: KeyVaultDouble;
let source: KeyVaultSigningKeySource;
before(async () => {
  kv = await startKeyVaultDouble();
  source = new KeyVaultSigningKeySource(`${kv.url}/`, "edge-signing-key", kv.credential, {
    additionalPolicies: [{ policy: kv.trustPolicy, position: "perCall" }],
    disableChallengeResourceVerification: true,
    retryOptions: { maxRetries: 0 },
  });
});
after(() => kv.close());

const newJwk = async () => exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey);

test("enabled versions are read and published; disabled and malformed ones are not", async () => {
  await source.add(await newJwk());
  await source.add(await newJwk());
  kv.secrets.get("edge-signing-key")?.push({ id: "garbage", value: "not a jwk", enabled: true, created: 1 });
  const versions = await source.versions();
  assert.equal(versions.length, 2);
  const keys = new SigningKeys(source);
  assert.equal((await keys.jwks()).keys.length, 2);
  assert.ok((await keys.jwks()).keys.every((k) => !("d" in k)));
  const [first] = versions;
  assert.equal(await source.disable([first!.kid]), 1);
  assert.equal((await source.versions()).length, 1);
});

test("rotation plan against the vault: the successor signs after the publish delay", async () => {
  const versions = await source.versions();
  assert.deepEqual(versionsToDisable(versions, Date.now(), 3_600_000), []);
  assert.ok(PUBLISH_DELAY_MS > 300_000);
});

test("a vault that is down: SigningKeys fails with DependencyUnavailableError", async () => {
  kv.mode = "down";
  try {
    await assert.rejects(new SigningKeys(source).active(), DependencyUnavailableError);
  } finally {
    kv.mode = "ok";
  }
});

test("the edge with KEY_VAULT_URL: ready and exchanging, then 503 on both when the vault is down", async () => {
  const downSource = new KeyVaultSigningKeySource(`${kv.url}/`, "edge-signing-key", kv.credential, {
    additionalPolicies: [{ policy: kv.trustPolicy, position: "perCall" }],
    disableChallengeResourceVerification: true,
    retryOptions: { maxRetries: 0 },
  });
  const resource = "https://mcp.contoso.example/weather";
  kv.mode = "down";
  const edge = await startTestEdge(
    { EDGE_RESOURCES: JSON.stringify({ [resource]: { scopes: ["weather.read"], defaultScopes: ["weather.read"] } }) },
    { signingKeySource: downSource },
  );
  try {
    const ready = await edge.fetch("/api/ready");
    assert.equal(ready.status, 503);
    assert.match(String((await problemOf(ready)).detail), /signing_key/);
    const client = await devToken({ client: "apim", roles: ["Edge.Exchange"] });
    const denied = await postExchange(edge, exchangeForm({ subject_token: await devToken(), resource, client_assertion: client }));
    assert.equal(denied.status, 503);
    assert.equal(denied.body.error, "temporarily_unavailable");
    kv.mode = "ok";
    const granted = await postExchange(edge, exchangeForm({ subject_token: await devToken(), resource, client_assertion: client }));
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
  } finally {
    kv.mode = "ok";
    await edge.stop();
  }
});

// `npm run keys:rotate [-- --if-missing]`: adds a signing-key version (Key Vault when KEY_VAULT_URL is
// set, else the local key file) and disables versions no live token can need any more. The new version
// is published at once and starts signing after PUBLISH_DELAY_MS (see shared/tokens/signing-keys.ts).
import { parseArgs } from "node:util";
import { DefaultAzureCredential } from "@azure/identity";
import { exportJWK, generateKeyPair } from "jose";
import { loadSettings } from "../shared/config/settings.ts";
import { KeyVaultSigningKeySource } from "../shared/tokens/key-vault-signing-keys.ts";
import { LocalSigningKeySource, newSigningKeyVersion } from "../shared/tokens/local-signing-keys.ts";
import { PUBLISH_DELAY_MS, versionsToDisable } from "../shared/tokens/signing-keys.ts";
import { localKeyDir } from "../functions/services.ts";

/** Upper bound of any minted token's lifetime (policy ttlSeconds are capped at 3600). */
const MAX_TOKEN_LIFETIME_MS = 3_600_000;

try {
  const { values } = parseArgs({ options: { "if-missing": { type: "boolean" } }, strict: true });
  const settings = loadSettings(process.env, "local");
  const now = Date.now();
  if (settings.keyVaultUrl) {
    const source = new KeyVaultSigningKeySource(settings.keyVaultUrl.href, settings.signingKeySecret, new DefaultAzureCredential());
    const versions = await source.versions();
    if (values["if-missing"] && versions.length > 0) {
      console.log(`signing key ${settings.signingKeySecret} exists (${versions.length} enabled version(s)); nothing to do`);
      process.exit(0);
    }
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    await source.add(await exportJWK(privateKey));
    const stale = versionsToDisable(versions, now, MAX_TOKEN_LIFETIME_MS);
    const disabled = await source.disable(stale.map((v) => v.kid));
    console.log(`added a version to ${settings.signingKeySecret}; it signs after ${PUBLISH_DELAY_MS / 1000} s; disabled ${disabled} old version(s)`);
  } else {
    const source = new LocalSigningKeySource(localKeyDir(settings));
    const versions = source.list();
    if (values["if-missing"] && versions.length > 0) {
      console.log(`local signing key exists (${versions.length} version(s)); nothing to do`);
      process.exit(0);
    }
    const added = await newSigningKeyVersion(now);
    await source.add(added);
    const stale = versionsToDisable([...versions, added], now, MAX_TOKEN_LIFETIME_MS);
    source.remove(stale.map((v) => v.kid));
    console.log(`added local version ${added.kid}; it signs after ${PUBLISH_DELAY_MS / 1000} s; removed ${stale.length} old version(s)`);
  }
} catch (error) {
  console.error(`keys:rotate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Signing-key versions held in a Key Vault secret (a private EC P-256 JWK per version), read with
// the managed identity. Disabled versions are neither published nor used.
import type { TokenCredential } from "@azure/identity";
import { SecretClient, type SecretClientOptions } from "@azure/keyvault-secrets";
import type { JWK } from "jose";
import { kidOf, type SigningKeySource, type SigningKeyVersion } from "./signing-keys.ts";

export class KeyVaultSigningKeySource implements SigningKeySource {
  readonly name = "Key Vault";
  private readonly client: SecretClient;

  constructor(
    vaultUrl: string,
    private readonly secretName: string,
    credential: TokenCredential,
    /** Extra client options (tests: trust in a local double and its challenge resource). */
    clientOptions: SecretClientOptions = {},
  ) {
    this.client = new SecretClient(vaultUrl, credential, { retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 }, ...clientOptions });
  }

  async versions(abortSignal?: AbortSignal): Promise<SigningKeyVersion[]> {
    const out: SigningKeyVersion[] = [];
    for await (const properties of this.client.listPropertiesOfSecretVersions(this.secretName, abortSignal ? { abortSignal } : {})) {
      if (!properties.enabled || !properties.version) continue;
      if (properties.expiresOn && properties.expiresOn.getTime() <= Date.now()) continue;
      const secret = await this.client.getSecret(this.secretName, { version: properties.version, ...(abortSignal ? { abortSignal } : {}) });
      const privateJwk = parsePrivateEcJwk(secret.value);
      if (!privateJwk) continue; // a malformed version is skipped, never published
      out.push({ kid: await kidOf(privateJwk), createdAt: properties.createdOn?.getTime() ?? 0, privateJwk });
    }
    return out;
  }

  /** Creates a new version (used by `npm run keys:rotate`). */
  async add(privateJwk: JWK): Promise<void> {
    await this.client.setSecret(this.secretName, JSON.stringify(privateJwk), { contentType: "application/jwk+json" });
  }

  async disable(kids: readonly string[]): Promise<number> {
    let disabled = 0;
    for await (const properties of this.client.listPropertiesOfSecretVersions(this.secretName)) {
      if (!properties.enabled || !properties.version) continue;
      const secret = await this.client.getSecret(this.secretName, { version: properties.version });
      const jwk = parsePrivateEcJwk(secret.value);
      if (jwk && kids.includes(await kidOf(jwk))) {
        await this.client.updateSecretProperties(this.secretName, properties.version, { enabled: false });
        disabled += 1;
      }
    }
    return disabled;
  }
}

export function parsePrivateEcJwk(value: string | undefined): JWK | undefined {
  if (!value) return undefined;
  try {
    const jwk = JSON.parse(value) as JWK;
    if (jwk.kty !== "EC" || jwk.crv !== "P-256" || typeof jwk.d !== "string" || typeof jwk.x !== "string" || typeof jwk.y !== "string") return undefined;
    return jwk;
  } catch {
    return undefined;
  }
}

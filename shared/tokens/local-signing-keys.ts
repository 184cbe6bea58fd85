// Local signing-key versions: a git-ignored JSON file, created on first use. `npm run keys:rotate`
// appends a version; the same selection rules as on Key Vault apply.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { kidOf, type SigningKeySource, type SigningKeyVersion } from "./signing-keys.ts";

const FILE = "edge-signing-keys.json";

export async function newSigningKeyVersion(now = Date.now()): Promise<SigningKeyVersion> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  return { kid: await kidOf(privateJwk), createdAt: now, privateJwk };
}

export class LocalSigningKeySource implements SigningKeySource {
  readonly name = "local key file";
  constructor(private readonly dir: string) {}

  /** The versions on file, without creating one. */
  list(): SigningKeyVersion[] {
    return this.read();
  }

  async versions(): Promise<SigningKeyVersion[]> {
    const existing = this.read();
    if (existing.length > 0) return existing;
    await this.add(await newSigningKeyVersion());
    return this.read();
  }

  async add(version: SigningKeyVersion): Promise<void> {
    this.write([...this.read(), version]);
  }

  remove(kids: readonly string[]): void {
    this.write(this.read().filter((v) => !kids.includes(v.kid)));
  }

  private read(): SigningKeyVersion[] {
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, FILE), "utf8")) as { versions?: SigningKeyVersion[] };
      return Array.isArray(parsed.versions) ? parsed.versions : [];
    } catch {
      return [];
    }
  }

  private write(versions: SigningKeyVersion[]): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, FILE);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ versions }), { mode: 0o600 });
    renameSync(tmp, path);
  }
}

// The edge's signing keys: every enabled version is published in the JWKS; a new version signs only
// once it has been published longer than any verifier may cache the JWKS, so rotation never breaks
// a verifier. The versions come from a port: Key Vault on Azure, a git-ignored file locally.
import { calculateJwkThumbprint, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from "jose";
import { DependencyUnavailableError } from "../identity/errors.ts";

export interface SigningKeyVersion {
  readonly kid: string;
  /** When the version was created (ms since epoch). */
  readonly createdAt: number;
  /** A private EC P-256 JWK. */
  readonly privateJwk: JWK;
}

/** Where key versions live (enabled versions only). */
export interface SigningKeySource {
  readonly name: string;
  versions(signal?: AbortSignal): Promise<SigningKeyVersion[]>;
}

/** Verifiers may cache the JWKS this long (Cache-Control max-age of /.well-known/jwks.json). */
export const JWKS_MAX_AGE_SECONDS = 300;
/** Each edge instance re-reads the versions this often. */
export const KEY_REFRESH_MS = 300_000;
/** A version must be visible this long before it signs: instance refresh + verifier cache + margin. */
export const PUBLISH_DELAY_MS = KEY_REFRESH_MS + JWKS_MAX_AGE_SECONDS * 1000 + 60_000;

/** The newest version published for long enough; the oldest one when none is (first start). */
export function selectSigningVersion(versions: readonly SigningKeyVersion[], now: number, publishDelayMs = PUBLISH_DELAY_MS): SigningKeyVersion | undefined {
  const sorted = [...versions].sort((a, b) => a.createdAt - b.createdAt);
  const ready = sorted.filter((v) => v.createdAt + publishDelayMs <= now);
  return ready.at(-1) ?? sorted[0];
}

/**
 * Versions to disable after a rotation: those older than the signing version whose successor has
 * been signing for longer than the longest token lifetime (no live token can need them).
 */
export function versionsToDisable(
  versions: readonly SigningKeyVersion[],
  now: number,
  maxTokenLifetimeMs: number,
  publishDelayMs = PUBLISH_DELAY_MS,
): SigningKeyVersion[] {
  const sorted = [...versions].sort((a, b) => a.createdAt - b.createdAt);
  const out: SigningKeyVersion[] = [];
  for (let i = 0; i < sorted.length - 1; i += 1) {
    const successor = sorted[i + 1] as SigningKeyVersion;
    const successorSignsSince = successor.createdAt + publishDelayMs;
    if (successorSignsSince + maxTokenLifetimeMs + 60_000 <= now) out.push(sorted[i] as SigningKeyVersion);
  }
  return out;
}

export async function kidOf(privateJwk: JWK): Promise<string> {
  const { kty, crv, x, y } = privateJwk;
  return calculateJwkThumbprint({ kty, crv, x, y } as JWK);
}

export function publicJwkOf(version: SigningKeyVersion): JWK {
  const { kty, crv, x, y } = version.privateJwk;
  return { kty, crv, x, y, kid: version.kid, alg: "ES256", use: "sig" } as JWK;
}

export interface ActiveKey {
  readonly kid: string;
  readonly key: CryptoKey;
}

export class SigningKeys {
  private cache: { at: number; versions: SigningKeyVersion[]; jwks: JSONWebKeySet } | undefined;
  private loading: Promise<void> | undefined;
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly source: SigningKeySource,
    private readonly options: { now?: () => number; refreshMs?: number; timeoutMs?: number; publishDelayMs?: number } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  get loaded(): boolean {
    return this.cache !== undefined;
  }

  /** The key to sign with now. */
  async active(): Promise<ActiveKey> {
    const { versions } = await this.current();
    const version = selectSigningVersion(versions, this.now(), this.options.publishDelayMs);
    if (!version) throw new DependencyUnavailableError("signing_key", "no enabled key version");
    let key = this.imported.get(version.kid);
    if (!key) {
      key = importJWK(version.privateJwk, "ES256") as Promise<CryptoKey>;
      this.imported.set(version.kid, key);
    }
    return { kid: version.kid, key: await key };
  }

  /** Every enabled version's public key. */
  async jwks(): Promise<JSONWebKeySet> {
    return (await this.current()).jwks;
  }

  private async current(): Promise<{ versions: SigningKeyVersion[]; jwks: JSONWebKeySet }> {
    const refreshMs = this.options.refreshMs ?? KEY_REFRESH_MS;
    const stale = !this.cache || this.now() - this.cache.at > refreshMs;
    if (stale) {
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      if (!this.cache) await this.loading;
      else void this.loading.catch(() => undefined); // serve the cached set while refreshing
    }
    if (!this.cache) throw new DependencyUnavailableError("signing_key", "not loaded");
    return this.cache;
  }

  private async load(): Promise<void> {
    let versions: SigningKeyVersion[];
    try {
      versions = await this.source.versions(AbortSignal.timeout(this.options.timeoutMs ?? 5_000));
    } catch (error) {
      if (error instanceof DependencyUnavailableError) throw error;
      throw new DependencyUnavailableError("signing_key", `${this.source.name} unavailable`);
    }
    if (versions.length === 0) throw new DependencyUnavailableError("signing_key", "no enabled key version");
    this.cache = { at: this.now(), versions, jwks: { keys: versions.map(publicJwkOf) } };
  }
}

// Validates the bearer token an MCP server receives. Its `aud` must be the server itself (RFC 8707,
// RFC 9068; the MCP authorization spec forbids accepting any other token). Two kinds are accepted:
//   - an edge-minted token (behind APIM): ES256, `typ: at+jwt`, `iss` = the edge, checked against the
//     edge's JWKS found through its RFC 8414 metadata;
//   - a user token from a trusted issuer (standalone, no APIM): checked against that issuer's JWKS.
// The issuer is matched by exact string before any key is fetched; keys come only from that issuer's
// JWKS (embedded `jwk`/`jku`/`x5u`/`x5c` headers are never used); `exp` is required; `iat` in the future
// is refused; HMAC and `none` are never accepted. A JWKS that cannot be fetched makes the check
// unavailable (→ 503), never successful.
import { createHash } from "node:crypto";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { EdgeClient } from "./edge-client.ts";
import { isLoopback } from "./edge-client.ts";
import { EdgeUnavailableError } from "./errors.ts";

export const DEFAULT_USER_TOKEN_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

export interface TrustedIssuer {
  /** The exact `iss` value. */
  readonly issuer: string;
  /** Its public keys: a JWKS document, or the URL of one (https; http only on a loopback host). */
  readonly jwks: JSONWebKeySet | string | URL;
  /** Accepted algorithms (default: RS/PS/ES 256–512). */
  readonly algorithms?: readonly string[];
}

export interface AccessTokenVerifierOptions {
  /** The MCP server's own resource URI: the only `aud` accepted. */
  readonly resource: string;
  /** Accept edge-minted tokens, validated with the edge's published keys. */
  readonly edge?: EdgeClient;
  /** Issuers whose tokens for `resource` are accepted as they are (standalone mode). */
  readonly trustedIssuers?: readonly TrustedIssuer[];
  /** Clock tolerance in seconds (default 30, at most 60). */
  readonly clockToleranceSeconds?: number;
  /** Longest token accepted, in bytes (default 16 KiB). */
  readonly maxTokenBytes?: number;
  /** Timeout of a JWKS fetch (default 3000 ms). */
  readonly jwksTimeoutMs?: number;
}

export interface VerifiedAccessToken {
  /** `edge`: minted by the edge (the request came through APIM); `user`: a trusted issuer's user token. */
  readonly kind: "edge" | "user";
  readonly token: string;
  readonly issuer: string;
  readonly subject: string;
  /** `client_id` (edge), or `azp`/`appid` (user tokens). */
  readonly clientId: string;
  /** `scope` (edge) or `scp`, plus `roles`. */
  readonly scopes: readonly string[];
  /** Epoch seconds. */
  readonly expiresAt: number;
  readonly claims: JWTPayload;
  /** SHA-256 of the token, hex: a key for caches that must never hold the token itself. */
  readonly hash: string;
}

/** The token is not acceptable (→ 401 invalid_token). `reason` is for logs only, never for the caller. */
export class InvalidAccessTokenError extends Error {
  override readonly name = "InvalidAccessTokenError";
  constructor(readonly reason: string) {
    super(`invalid access token: ${reason}`);
  }
}

const EDGE_ALGORITHMS = ["ES256"];
const EDGE_TOKEN_TYPE = "at+jwt";

export class AccessTokenVerifier {
  private readonly resource: string;
  private readonly edge: EdgeClient | undefined;
  private readonly issuers = new Map<string, { keys: JWTVerifyGetKey; algorithms: string[] }>();
  private readonly tolerance: number;
  private readonly maxTokenBytes: number;
  private readonly jwksTimeoutMs: number;
  private edgeKeys: { jwksUri: string; keys: JWTVerifyGetKey } | undefined;

  constructor(options: AccessTokenVerifierOptions) {
    this.resource = options.resource;
    this.edge = options.edge;
    this.tolerance = Math.min(60, Math.max(0, options.clockToleranceSeconds ?? 30));
    this.maxTokenBytes = options.maxTokenBytes ?? 16 * 1024;
    this.jwksTimeoutMs = options.jwksTimeoutMs ?? 3_000;
    for (const trusted of options.trustedIssuers ?? []) {
      if (this.edge && trusted.issuer === this.edge.edgeIssuer) throw new TypeError("the edge is not a trusted issuer of user tokens");
      const algorithms = [...(trusted.algorithms ?? DEFAULT_USER_TOKEN_ALGORITHMS)];
      if (algorithms.some((alg) => alg === "none" || alg.startsWith("HS"))) throw new TypeError("only asymmetric algorithms can be trusted");
      this.issuers.set(trusted.issuer, { keys: this.keySet(trusted.jwks), algorithms });
    }
  }

  async verify(token: string): Promise<VerifiedAccessToken> {
    if (Buffer.byteLength(token, "utf8") > this.maxTokenBytes) throw new InvalidAccessTokenError("too_large");
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new InvalidAccessTokenError("malformed");
    }
    if (typeof issuer !== "string") throw new InvalidAccessTokenError("no_issuer");
    if (this.edge && issuer === this.edge.edgeIssuer) {
      const keys = await this.edgeKeySet();
      const payload = await this.check(token, keys, { issuer, algorithms: EDGE_ALGORITHMS, typ: EDGE_TOKEN_TYPE, required: ["client_id"] });
      return this.result("edge", token, issuer, payload, String(payload.client_id), splitScopes(payload.scope));
    }
    const trusted = this.issuers.get(issuer);
    if (!trusted) throw new InvalidAccessTokenError("untrusted_issuer");
    const payload = await this.check(token, trusted.keys, { issuer, algorithms: trusted.algorithms });
    const clientId = typeof payload.azp === "string" ? payload.azp : typeof payload.appid === "string" ? payload.appid : "";
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
    return this.result("user", token, issuer, payload, clientId, [...splitScopes(payload.scp), ...roles]);
  }

  private async check(
    token: string,
    keys: JWTVerifyGetKey,
    options: { issuer: string; algorithms: string[]; typ?: string; required?: string[] },
  ): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: this.resource,
        algorithms: options.algorithms,
        ...(options.typ ? { typ: options.typ } : {}),
        requiredClaims: ["exp", "sub", ...(options.required ?? [])],
        clockTolerance: this.tolerance,
      }));
    } catch (error) {
      if (isKeySourceFailure(error)) throw new EdgeUnavailableError("the signing keys could not be fetched", { cause: error, code: "jwks_unavailable" });
      throw new InvalidAccessTokenError(error instanceof errors.JOSEError ? error.code : "invalid");
    }
    // jose checks a future `iat` only together with maxTokenAge.
    if (typeof payload.iat === "number" && payload.iat > Date.now() / 1000 + this.tolerance) throw new InvalidAccessTokenError("issued_in_future");
    return payload;
  }

  private result(kind: "edge" | "user", token: string, issuer: string, payload: JWTPayload, clientId: string, scopes: string[]): VerifiedAccessToken {
    return {
      kind,
      token,
      issuer,
      subject: String(payload.sub),
      clientId,
      scopes,
      expiresAt: payload.exp as number,
      claims: payload,
      hash: createHash("sha256").update(token, "utf8").digest("hex"),
    };
  }

  /** The edge's JWKS, from the `jwks_uri` of its RFC 8414 metadata. */
  private async edgeKeySet(): Promise<JWTVerifyGetKey> {
    const edge = this.edge as EdgeClient;
    let jwksUri: string;
    try {
      jwksUri = (await edge.metadata()).jwks_uri;
    } catch (error) {
      throw error instanceof EdgeUnavailableError ? error : new EdgeUnavailableError("the edge's metadata could not be read", { cause: error, code: "metadata_unavailable" });
    }
    if (this.edgeKeys?.jwksUri !== jwksUri) this.edgeKeys = { jwksUri, keys: this.keySet(jwksUri) };
    return this.edgeKeys.keys;
  }

  private keySet(jwks: JSONWebKeySet | string | URL): JWTVerifyGetKey {
    if (typeof jwks !== "string" && !(jwks instanceof URL)) return createLocalJWKSet(jwks);
    const url = new URL(jwks);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
      throw new TypeError(`JWKS URL ${url.href} must be https (http only on a loopback host)`);
    }
    return createRemoteJWKSet(url, { timeoutDuration: this.jwksTimeoutMs, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  }
}

function splitScopes(value: unknown): string[] {
  return typeof value === "string" ? value.split(" ").filter((s) => s.length > 0) : [];
}

/** A JWKS that did not answer, answered garbage or timed out — as opposed to a bad token. */
function isKeySourceFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (error instanceof errors.JOSEError) return error.code === "ERR_JOSE_GENERIC";
  return true;
}

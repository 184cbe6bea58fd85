// The built-in development issuer: an RS256 key generated once into a git-ignored local file, so
// that `npm run token` and the local host agree without any Azure account. Trusted only on loopback.
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JSONWebKeySet } from "jose";
import { DEV_ISSUER } from "../config/settings.ts";

const KEY_FILE = "dev-issuer.private.jwk.json";

export interface DevIssuerKey {
  readonly privateJwk: JWK;
  readonly jwks: JSONWebKeySet;
}

/** Reads the dev key from `dir`, creating it on first use. */
export async function loadOrCreateDevIssuerKey(dir: string): Promise<DevIssuerKey> {
  const path = join(dir, KEY_FILE);
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(readFileSync(path, "utf8")) as JWK;
  } catch {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
    const jwk = await exportJWK(privateKey);
    privateJwk = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: "RS256", use: "sig" };
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(privateJwk), { mode: 0o600 });
    renameSync(tmp, path);
    // Another process may have won the race: everyone uses whichever file is there now.
    privateJwk = JSON.parse(readFileSync(path, "utf8")) as JWK;
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  return { privateJwk, jwks: { keys: [publicJwk] } };
}

export interface DevTokenRequest {
  /** A user token for this subject... */
  readonly sub?: string;
  /** ...or an app-only workload token for this client id. */
  readonly client?: string;
  readonly audience: string;
  readonly scopes?: readonly string[];
  readonly roles?: readonly string[];
  readonly ttlSeconds?: number;
  /** The client application a user token was issued to. */
  readonly azp?: string;
}

export async function mintDevToken(key: DevIssuerKey, request: DevTokenRequest): Promise<string> {
  const signingKey = await importJWK(key.privateJwk, "RS256");
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = request.client
    ? { azp: request.client, idtyp: "app", roles: request.roles ?? [] }
    : { azp: request.azp ?? "mcp-dev-client", idtyp: "user", scp: (request.scopes ?? []).join(" "), roles: request.roles ?? [] };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: key.privateJwk.kid as string, typ: "JWT" })
    .setIssuer(DEV_ISSUER)
    .setSubject(request.client ?? request.sub ?? "dev-user")
    .setAudience(request.audience)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + (request.ttlSeconds ?? 3600))
    .setJti(randomUUID())
    .sign(signingKey);
}

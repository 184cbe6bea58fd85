// Mints the edge's JWT access tokens (RFC 9068): ES256, `typ: at+jwt`, one audience, least scope.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { ActiveKey } from "./signing-keys.ts";

export const EDGE_TOKEN_TYPE = "at+jwt";

export interface Actor {
  readonly sub: string;
  readonly act?: Actor;
}

export interface MintRequest {
  readonly issuer: string;
  readonly audience: string;
  /** The hashed user key. */
  readonly subject: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly tenantId?: string;
  readonly act?: Actor;
}

export async function mintAccessToken(key: ActiveKey, request: MintRequest): Promise<string> {
  const claims: Record<string, unknown> = {
    client_id: request.clientId,
    scope: request.scopes.join(" "),
    ...(request.tenantId ? { tid: request.tenantId } : {}),
    ...(request.act ? { act: request.act } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", typ: EDGE_TOKEN_TYPE, kid: key.kid })
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setSubject(request.subject)
    .setIssuedAt(request.issuedAt)
    .setNotBefore(request.issuedAt)
    .setExpirationTime(request.expiresAt)
    .setJti(randomUUID())
    .sign(key.key);
}

// Who is calling: a user (delegated token) or a workload (app-only token), and the stable hashed
// user key that every store and every minted token uses instead of raw identifiers.
import { createHash } from "node:crypto";

export interface UserPrincipal {
  readonly kind: "user";
  readonly issuer: string;
  /** Hex SHA-256 of the user key: `tid`+`oid` for the configured Entra tenant, else `iss`+`sub`. */
  readonly userKeyHash: string;
  /** Set only for users of the configured Entra tenant. */
  readonly tenantId?: string;
  /** The client application the token was issued to (`azp`, `appid` or `client_id`). */
  readonly clientId?: string;
  readonly scopes: readonly string[];
  /** App roles, only when the issuer is in EDGE_ROLE_ISSUERS. */
  readonly roles: readonly string[];
  readonly audience: readonly string[];
  readonly expiresAt: number;
}

export interface WorkloadPrincipal {
  readonly kind: "workload";
  readonly issuer: string;
  readonly clientId: string;
  readonly roles: readonly string[];
  readonly audience: readonly string[];
  readonly expiresAt: number;
}

export type Principal = UserPrincipal | WorkloadPrincipal;

export function hashUserKey(parts: { tenantId: string; oid: string } | { issuer: string; sub: string }): string {
  // JSON framing keeps the two parts unambiguous: no issuer's user can collide with another's.
  const key = "tenantId" in parts ? JSON.stringify(["entra", parts.tenantId, parts.oid]) : JSON.stringify(["oidc", parts.issuer, parts.sub]);
  return createHash("sha256").update(key).digest("hex");
}

export function hasRole(principal: Principal, role: string): boolean {
  return principal.roles.includes(role);
}

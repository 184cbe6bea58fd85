// The token-exchange policy (EDGE_RESOURCES): which downstream resources exist, how tokens for them
// are obtained (edge-minted or Entra On-Behalf-Of), with which scopes, for whom and for how long.
import { ConfigError } from "../config/errors.ts";

export type ResourceMode = "mint" | "obo";

export interface ResourcePolicy {
  readonly resource: string;
  readonly mode: ResourceMode;
  readonly scopes: readonly string[];
  /** Issued when the request names no scope; must be a subset of `scopes`. */
  readonly defaultScopes: readonly string[];
  /** Every one must be in the subject token's `scp` or `roles`. */
  readonly requiredInboundScopes: readonly string[];
  /** Client ids (`azp`/`appid`) whose user tokens may be exchanged for this resource; empty = any. */
  readonly allowedClients: readonly string[];
  /** Requesters (authenticated clients) that may ask for this resource; empty = any with Edge.Exchange. */
  readonly allowedRequesters: readonly string[];
  /** Workloads that run this resource: they may chain-exchange a token whose `aud` is this resource. */
  readonly requesterIds: readonly string[];
  /** Resources a chained exchange from this resource may target. */
  readonly allowedDownstream: readonly string[];
  readonly ttlSeconds: number;
}

export const DEFAULT_TTL_SECONDS = 300;
const MAX_TTL_SECONDS = 3600;
const FIELDS = new Set([
  "mode",
  "scopes",
  "defaultScopes",
  "requiredInboundScopes",
  "allowedClients",
  "allowedRequesters",
  "requesterIds",
  "allowedDownstream",
  "ttlSeconds",
]);

/** Validates EDGE_RESOURCES; throws ConfigError naming the resource and field at fault. */
export function parseResourcePolicies(json: unknown): ReadonlyMap<string, ResourcePolicy> {
  const policies = new Map<string, ResourcePolicy>();
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ConfigError("EDGE_RESOURCES", "must be a JSON object keyed by resource URI");
  }
  for (const [resource, raw] of Object.entries(json)) {
    const fail = (reason: string): never => {
      throw new ConfigError("EDGE_RESOURCES", `resource ${resource}: ${reason}`);
    };
    if (!isResourceUri(resource)) fail("the key must be an absolute URI without a fragment");
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("must be an object");
    const entry = raw as Record<string, unknown>;
    for (const key of Object.keys(entry)) if (!FIELDS.has(key)) fail(`unknown field ${key}`);
    const mode = entry.mode ?? "mint";
    if (mode !== "mint" && mode !== "obo") fail("mode must be mint or obo");
    const list = (name: string): string[] => {
      const value = entry[name] ?? [];
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item.length > 0 && !item.includes(" "))) {
        fail(`${name} must be an array of strings without spaces`);
      }
      return value as string[];
    };
    const scopes = list("scopes");
    if (scopes.length === 0) fail("scopes must not be empty");
    const defaultScopes = list("defaultScopes");
    for (const scope of defaultScopes) if (!scopes.includes(scope)) fail(`default scope ${scope} is not in scopes`);
    const allowedDownstream = list("allowedDownstream");
    const ttl = entry.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 30 || ttl > MAX_TTL_SECONDS) {
      fail(`ttlSeconds must be a whole number between 30 and ${MAX_TTL_SECONDS}`);
    }
    policies.set(resource, {
      resource,
      mode: mode as ResourceMode,
      scopes,
      defaultScopes,
      requiredInboundScopes: list("requiredInboundScopes"),
      allowedClients: list("allowedClients"),
      allowedRequesters: list("allowedRequesters"),
      requesterIds: list("requesterIds"),
      allowedDownstream,
      ttlSeconds: ttl as number,
    });
  }
  for (const policy of policies.values()) {
    for (const target of policy.allowedDownstream) {
      if (!policies.has(target)) {
        throw new ConfigError("EDGE_RESOURCES", `resource ${policy.resource}: allowedDownstream ${target} is not a configured resource`);
      }
    }
  }
  return policies;
}

/** RFC 8707: an absolute URI without a fragment. */
export function isResourceUri(value: string): boolean {
  if (value.length === 0 || value.length > 2048 || value.includes("#")) return false;
  try {
    const url = new URL(value);
    return url.protocol.length > 1;
  } catch {
    return false;
  }
}

/** The issued scope: requested ∩ policy (or the policy's defaults when none is requested). */
export function grantScopes(policy: ResourcePolicy, requested: readonly string[]): string[] {
  if (requested.length === 0) return [...policy.defaultScopes];
  const allowed = new Set(policy.scopes);
  return [...new Set(requested)].filter((scope) => allowed.has(scope));
}

// Builds the trusted issuer list from settings: the Entra tenant's v1 and v2 issuers, any extra
// OIDC issuers, or (only when none is configured and the host is loopback) the development issuer.
import { DEV_ISSUER, entraIssuers, type Settings } from "../config/settings.ts";
import { entraDiscoveryUrl, oidcDiscoveryUrl, type IssuerConfig } from "./issuers.ts";
import type { JSONWebKeySet } from "jose";

export function issuerConfigs(settings: Settings, devJwks?: JSONWebKeySet): IssuerConfig[] {
  const tenantIssuers = new Set(settings.tenantId ? entraIssuers(settings.tenantId) : []);
  return settings.trustedIssuers.map((issuer): IssuerConfig => {
    if (issuer === DEV_ISSUER) {
      if (!devJwks) throw new Error("the development issuer's keys are not loaded");
      return { issuer, kind: "dev", jwks: devJwks };
    }
    if (tenantIssuers.has(issuer) && settings.tenantId) {
      return { issuer, kind: "entra", tenantId: settings.tenantId, discoveryUrl: entraDiscoveryUrl(issuer, settings.tenantId) };
    }
    return { issuer, kind: "oidc", discoveryUrl: oidcDiscoveryUrl(issuer) };
  });
}

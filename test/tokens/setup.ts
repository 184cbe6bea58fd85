// A token-exchange test bed: the real edge with three trusted issuers served by local doubles — A
// (may grant app roles), B (may not), E (an Entra tenant) — and an Entra token-endpoint double.
import { join } from "node:path";
import type { IssuerConfig } from "../../shared/identity/issuers.ts";
import { startEntraDouble, MI_ASSERTION, type EntraDouble } from "../helpers/entra-double.ts";
import { startOidcDouble, type OidcDouble } from "../helpers/oidc-double.ts";
import { startTestEdge, type TestEdge } from "../helpers/edge.ts";
import { tempDir } from "../helpers/temp-dir.ts";

export const AUDIENCE = "api://edge-under-test";
export const TENANT = "00000000-0000-4000-8000-0000000000aa";
export const OTHER_TENANT = "00000000-0000-4000-8000-0000000000bb";
export const APP_CLIENT_ID = "00000000-0000-4000-8000-0000000000cc";
export const WEATHER = "https://mcp.contoso.example/weather";
export const FORECAST = "https://api.contoso.example/forecast";
export const GRAPH = "https://graph.microsoft.com";
export const LOCKED = "https://mcp.contoso.example/locked";

export const POLICY = {
  [WEATHER]: {
    mode: "mint",
    scopes: ["weather.read", "weather.write"],
    defaultScopes: ["weather.read"],
    requiredInboundScopes: ["mcp.tools"],
    requesterIds: ["weather-server"],
    allowedDownstream: [FORECAST],
    ttlSeconds: 300,
  },
  [FORECAST]: { mode: "mint", scopes: ["forecast.read"], defaultScopes: ["forecast.read"], ttlSeconds: 600 },
  [GRAPH]: { mode: "obo", scopes: ["https://graph.microsoft.com/User.Read"], defaultScopes: ["https://graph.microsoft.com/User.Read"], requiredInboundScopes: ["mcp.tools"] },
  [LOCKED]: { mode: "mint", scopes: ["locked.use"], defaultScopes: ["locked.use"], allowedClients: ["trusted-client"], allowedRequesters: ["apim"] },
};

export interface Bed {
  edge: TestEdge;
  a: OidcDouble;
  b: OidcDouble;
  entra: OidcDouble;
  entraToken: EntraDouble;
  close(): Promise<void>;
}

export async function startBed(keySource = { timeoutMs: 1_000, cooldownMs: 0, discoveryRetryMs: 0 }): Promise<Bed> {
  const a = await startOidcDouble();
  const b = await startOidcDouble();
  const entra = await startOidcDouble();
  const entraToken = await startEntraDouble(TENANT, APP_CLIENT_ID);
  const issuers: IssuerConfig[] = [
    { issuer: a.issuer, kind: "oidc", discoveryUrl: `${a.issuer}/.well-known/openid-configuration` },
    { issuer: b.issuer, kind: "oidc", discoveryUrl: `${b.issuer}/.well-known/openid-configuration` },
    { issuer: entra.issuer, kind: "entra", tenantId: TENANT, discoveryUrl: `${entra.issuer}/.well-known/openid-configuration` },
  ];
  const edge = await startTestEdge(
    {
      EDGE_TRUSTED_ISSUERS: issuers.map((i) => i.issuer).join(","),
      EDGE_ROLE_ISSUERS: `${a.issuer},${entra.issuer}`,
      EDGE_AUDIENCES: `${AUDIENCE},${APP_CLIENT_ID}`,
      EDGE_RESOURCES: JSON.stringify(POLICY),
      AZURE_TENANT_ID: TENANT,
      EDGE_APP_CLIENT_ID: APP_CLIENT_ID,
      EDGE_DATA_DIR: tempDir("edge-tokens-"),
    },
    { issuers, keySource, oboAuthority: entraToken.authority, oboAssertion: async () => MI_ASSERTION },
  );
  return {
    edge,
    a,
    b,
    entra,
    entraToken,
    async close() {
      await edge.stop();
      await Promise.all([a.close(), b.close(), entra.close(), entraToken.close()]);
    },
  };
}

export const userClaims = (extra: Record<string, unknown> = {}) => ({ sub: "alice", aud: AUDIENCE, scp: "mcp.tools", azp: "client-app", ...extra });
export const workloadClaims = (client: string, roles: string[], extra: Record<string, unknown> = {}) => ({ sub: client, azp: client, idtyp: "app", aud: AUDIENCE, roles, ...extra });
export const entraUserClaims = (extra: Record<string, unknown> = {}) => ({
  sub: "pairwise-sub",
  oid: "11111111-2222-3333-4444-555555555555",
  tid: TENANT,
  aud: APP_CLIENT_ID,
  scp: "mcp.tools",
  azp: "client-app",
  ...extra,
});

export function exchangeForm(fields: Record<string, string | undefined>): URLSearchParams {
  const form = new URLSearchParams();
  const defaults: Record<string, string> = {
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
  };
  for (const [name, value] of Object.entries({ ...defaults, ...fields })) if (value !== undefined) form.set(name, value);
  return form;
}

export async function postExchange(edge: TestEdge, form: URLSearchParams): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await edge.fetch("/api/token-exchange", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  const text = await response.text();
  assertJson(text, response.status);
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, headers: response.headers };
}

function assertJson(text: string, status: number): void {
  try {
    JSON.parse(text);
  } catch {
    throw new Error(`non-JSON answer (${status}): ${text.slice(0, 200)}`);
  }
}

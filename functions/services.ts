// The composition root: builds every port of the edge once from the settings (Azure implementations
// when configured, local ones otherwise). Handlers reach dependencies only through this object.
import { join } from "node:path";
import { AuditLog } from "../shared/audit/audit-log.ts";
import { StdoutAuditSink } from "../shared/audit/stdout-sink.ts";
import type { AuditSink } from "../shared/audit/events.ts";
import type { Settings } from "../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey } from "../shared/identity/dev-issuer.ts";
import type { KeySourceOptions } from "../shared/identity/issuers.ts";
import { issuerConfigs } from "../shared/identity/trusted-issuers.ts";
import { TokenVerifier } from "../shared/identity/verify.ts";
import { TableStore } from "../shared/tables/table-store.ts";
import { edgeIssuer } from "../shared/config/settings.ts";
import type { IssuerConfig } from "../shared/identity/issuers.ts";
import { TokenExchanger } from "../shared/tokens/exchange.ts";
import { LocalSigningKeySource } from "../shared/tokens/local-signing-keys.ts";
import { OboClient } from "../shared/tokens/obo.ts";
import { SigningKeys, type SigningKeySource } from "../shared/tokens/signing-keys.ts";
import { SessionStore } from "../shared/sessions/session-store.ts";
import { ToolIntegrity } from "../shared/tools/integrity.ts";
import { createScreener } from "../shared/screen/create-screener.ts";
import type { Screener } from "../shared/screen/screener.ts";
import type { TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

export interface Services {
  readonly settings: Settings;
  readonly audit: AuditLog;
  readonly verifier: TokenVerifier;
  readonly tables: TableStore | undefined;
  readonly signingKeys: SigningKeys;
  readonly exchanger: TokenExchanger;
  /** Sessions (issue 7); undefined only when no table store is configured. */
  readonly sessions: SessionStore | undefined;
  /** MCP server registry and tool pins (issue 6); undefined only when no table store is configured. */
  readonly tools: ToolIntegrity | undefined;
  readonly screener: Screener;
  /** Extra /api/ready checks registered by features (signing key, Content Safety...). */
  readonly readinessChecks: Array<{ name: string; check: () => Promise<void> }>;
}

export interface ServiceOverrides {
  readonly auditSink?: AuditSink;
  readonly keySource?: KeySourceOptions;
  /** Where local key files live (default: EDGE_DATA_DIR, else .local). */
  readonly localKeyDir?: string;
  /** Replaces the issuers derived from settings (tests point an Entra issuer at a local double). */
  readonly issuers?: IssuerConfig[];
  readonly signingKeySource?: SigningKeySource;
  /** The Entra authority for On-Behalf-Of (a local double in tests). */
  readonly oboAuthority?: string;
  /** The managed-identity client assertion for On-Behalf-Of (a stub in tests). */
  readonly oboAssertion?: () => Promise<string>;
  /** The edge's clock in ms (tests move it: token exchange, session expiry). */
  readonly now?: () => number;
  /** Content Safety's credential and extra pipeline policies (tests: a stub token, trust in a local double). */
  readonly contentSafety?: { credential: TokenCredential; additionalPolicies?: PipelinePolicy[] };
}

export function localKeyDir(settings: Settings): string {
  return settings.dataDir ?? join(process.cwd(), ".local");
}

// Azure-only dependencies (Application Insights, @azure/identity, Key Vault, Content Safety) are
// imported when configured, so that a local start or a cold start loads only what it uses.
export async function createServices(settings: Settings, overrides: ServiceOverrides = {}): Promise<Services> {
  let sink = overrides.auditSink;
  if (!sink && settings.appInsightsConnectionString) {
    const { AppInsightsAuditSink } = await import("../shared/audit/app-insights-sink.ts");
    sink = new AppInsightsAuditSink({
      connectionString: settings.appInsightsConnectionString,
      ...(settings.appInsightsAuthentication ? { authentication: settings.appInsightsAuthentication } : {}),
    });
  }
  sink ??= new StdoutAuditSink(settings.logLevel === "silent" ? null : process.stdout);
  const audit = new AuditLog(sink);

  const keyDir = overrides.localKeyDir ?? localKeyDir(settings);
  const devJwks = settings.devIssuer ? (await loadOrCreateDevIssuerKey(keyDir)).jwks : undefined;
  const verifier = new TokenVerifier({
    issuers: overrides.issuers ?? issuerConfigs(settings, devJwks),
    roleIssuers: settings.roleIssuers,
    ...(overrides.keySource ? { keySource: overrides.keySource } : {}),
  });

  const tables =
    settings.tables.endpoint || settings.tables.connectionString
      ? new TableStore({
          ...settings.tables,
          ...(settings.clientId ? { managedIdentityClientId: settings.clientId } : {}),
        })
      : undefined;

  const needsManagedIdentity = Boolean(settings.keyVaultUrl || settings.contentSafetyEndpoint || (settings.tenantId && settings.appClientId));
  const identity = needsManagedIdentity ? await import("@azure/identity") : undefined;
  const credential = (): TokenCredential => {
    if (!identity) throw new Error("no managed identity is configured");
    return new identity.ManagedIdentityCredential(settings.clientId ? { clientId: settings.clientId } : {});
  };
  let signingKeySource = overrides.signingKeySource;
  if (!signingKeySource && settings.keyVaultUrl) {
    const { KeyVaultSigningKeySource } = await import("../shared/tokens/key-vault-signing-keys.ts");
    signingKeySource = new KeyVaultSigningKeySource(settings.keyVaultUrl.href, settings.signingKeySecret, credential());
  }
  signingKeySource ??= new LocalSigningKeySource(keyDir);
  const signingKeys = new SigningKeys(signingKeySource, overrides.now ? { now: overrides.now } : {});

  const obo =
    settings.tenantId && settings.appClientId
      ? new OboClient({
          tenantId: settings.tenantId,
          clientId: settings.appClientId,
          ...(overrides.oboAuthority ? { authority: overrides.oboAuthority } : {}),
          getAssertion:
            overrides.oboAssertion ??
            (async () => {
              const token = await credential().getToken("api://AzureADTokenExchange/.default");
              if (!token) throw new Error("no managed-identity token");
              return token.token;
            }),
        })
      : undefined;
  const exchanger = new TokenExchanger({
    verifier,
    audiences: settings.audiences,
    policies: settings.resources,
    signingKeys,
    issuer: edgeIssuer(settings),
    ...(obo ? { obo, oboAudiences: settings.appClientId ? [settings.appClientId, `api://${settings.appClientId}`] : [] } : {}),
    ...(overrides.now ? { now: overrides.now } : {}),
  });

  const sessions = tables
    ? new SessionStore({ tables, settings: settings.sessions, ...(overrides.now ? { clock: overrides.now } : {}) })
    : undefined;

  const { screener, shield: remoteShield } = await createScreener(settings, {
    credential: () => overrides.contentSafety?.credential ?? credential(),
    ...(overrides.contentSafety?.additionalPolicies ? { additionalPolicies: overrides.contentSafety.additionalPolicies } : {}),
  });

  const readinessChecks = [{ name: "signing_key", check: async () => void (await signingKeys.active()) }];
  if (remoteShield) {
    readinessChecks.push({
      name: "content_safety",
      check: async () => {
        const state = remoteShield.state();
        if (state) throw new Error(state);
      },
    });
  }
  const tools = tables ? new ToolIntegrity({ tables, ...(overrides.now ? { clock: overrides.now } : {}) }) : undefined;

  return { settings, audit, verifier, tables, signingKeys, exchanger, sessions, tools, screener, readinessChecks };
}

// The composition root: builds every port of the edge once from the settings (Azure implementations
// when configured, local ones otherwise). Handlers reach dependencies only through this object.
import { join } from "node:path";
import { AuditLog } from "../shared/audit/audit-log.ts";
import { AppInsightsAuditSink } from "../shared/audit/app-insights-sink.ts";
import { StdoutAuditSink } from "../shared/audit/stdout-sink.ts";
import type { AuditSink } from "../shared/audit/events.ts";
import type { Settings } from "../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey } from "../shared/identity/dev-issuer.ts";
import type { KeySourceOptions } from "../shared/identity/issuers.ts";
import { issuerConfigs } from "../shared/identity/trusted-issuers.ts";
import { TokenVerifier } from "../shared/identity/verify.ts";
import { TableStore } from "../shared/tables/table-store.ts";

export interface Services {
  readonly settings: Settings;
  readonly audit: AuditLog;
  readonly verifier: TokenVerifier;
  readonly tables: TableStore | undefined;
  /** Extra /api/ready checks registered by features (signing key, Content Safety...). */
  readonly readinessChecks: Array<{ name: string; check: () => Promise<void> }>;
}

export interface ServiceOverrides {
  readonly auditSink?: AuditSink;
  readonly keySource?: KeySourceOptions;
  /** Where local key files live (default: EDGE_DATA_DIR, else .local). */
  readonly localKeyDir?: string;
}

export function localKeyDir(settings: Settings): string {
  return settings.dataDir ?? join(process.cwd(), ".local");
}

export async function createServices(settings: Settings, overrides: ServiceOverrides = {}): Promise<Services> {
  const sink =
    overrides.auditSink ??
    (settings.appInsightsConnectionString
      ? new AppInsightsAuditSink({
          connectionString: settings.appInsightsConnectionString,
          ...(settings.appInsightsAuthentication ? { authentication: settings.appInsightsAuthentication } : {}),
        })
      : new StdoutAuditSink(settings.logLevel === "silent" ? undefined : process.stdout));
  const audit = new AuditLog(sink);

  const keyDir = overrides.localKeyDir ?? localKeyDir(settings);
  const devJwks = settings.devIssuer ? (await loadOrCreateDevIssuerKey(keyDir)).jwks : undefined;
  const verifier = new TokenVerifier({
    issuers: issuerConfigs(settings, devJwks),
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

  return { settings, audit, verifier, tables, readinessChecks: [] };
}

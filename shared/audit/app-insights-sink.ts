// Application Insights sink (applicationinsights v3, OpenTelemetry based): audit events are custom
// events named `edge.audit.<action>`, requests are request telemetry. The deployed resource accepts
// no instrumentation key alone, so with `Authorization=AAD` the managed identity signs the export.
import { ManagedIdentityCredential } from "@azure/identity";
import { TelemetryClient } from "applicationinsights";
import type { AuditRecord, AuditSink, RequestRecord } from "./events.ts";

export interface AppInsightsOptions {
  readonly connectionString: string;
  /** APPLICATIONINSIGHTS_AUTHENTICATION_STRING, e.g. `Authorization=AAD;ClientId=<guid>`. */
  readonly authentication?: string;
  readonly flushIntervalMs?: number;
}

export class AppInsightsAuditSink implements AuditSink {
  private readonly client: TelemetryClient;
  private exportError: string | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(options: AppInsightsOptions) {
    this.client = new TelemetryClient(options.connectionString, { useGlobalProviders: false });
    const aad = parseAuthentication(options.authentication);
    if (aad) {
      this.client.config.aadTokenCredential = aad.clientId
        ? new ManagedIdentityCredential({ clientId: aad.clientId })
        : new ManagedIdentityCredential();
    }
    this.client.initialize();
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 15_000);
    this.timer.unref();
  }

  emit(record: AuditRecord): void {
    const { action, details, ...rest } = record;
    const properties: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...rest, ...(details ?? {}) })) {
      if (value !== undefined) properties[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    this.client.trackEvent({ name: `edge.audit.${action}`, properties });
  }

  request(record: RequestRecord): void {
    this.client.trackRequest({
      name: record.name,
      url: record.route,
      resultCode: String(record.status),
      success: record.status < 500,
      duration: record.durationMs,
      properties: { correlationId: record.correlationId, method: record.method },
    });
  }

  lastError(): string | undefined {
    return this.exportError;
  }

  async flush(): Promise<void> {
    try {
      await this.client.flush();
      this.exportError = undefined;
    } catch (error) {
      this.exportError = error instanceof Error ? error.name : "export failed";
    }
  }
}

function parseAuthentication(value: string | undefined): { clientId?: string } | undefined {
  if (!value) return undefined;
  const parts = new Map(
    value.split(";").map((part) => {
      const eq = part.indexOf("=");
      return [part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim()] as const;
    }),
  );
  if (parts.get("authorization")?.toLowerCase() !== "aad") return undefined;
  const clientId = parts.get("clientid");
  return clientId ? { clientId } : {};
}

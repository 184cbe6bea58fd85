// Application Insights sink (applicationinsights v3, OpenTelemetry based): audit events are custom
// events named `edge.audit.<action>`, requests are request telemetry. The deployed resource accepts
// no instrumentation key alone, so with `Authorization=AAD` the managed identity signs the export.
import { ManagedIdentityCredential } from "@azure/identity";
import { diag, DiagLogLevel } from "@opentelemetry/api";
import { TelemetryClient } from "applicationinsights";
import type { AuditRecord, AuditSink, RequestRecord } from "./events.ts";

export interface AppInsightsOptions {
  readonly connectionString: string;
  /** APPLICATIONINSIGHTS_AUTHENTICATION_STRING, e.g. `Authorization=AAD;ClientId=<guid>`. */
  readonly authentication?: string;
  readonly flushIntervalMs?: number;
  readonly now?: () => number;
}

/** An export failure counts for /api/ready this long after it happened. */
const EXPORT_ERROR_WINDOW_MS = 5 * 60_000;

export class AppInsightsAuditSink implements AuditSink {
  private readonly client: TelemetryClient;
  private exportError: { reason: string; at: number } | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(options: AppInsightsOptions) {
    this.now = options.now ?? Date.now;
    // The exporter reports failures to OpenTelemetry's diagnostic logger, not through flush().
    diag.setLogger(
      {
        error: (message: string) => this.noteExportError(message),
        warn: (message: string) => this.noteExportError(message),
        info: () => undefined,
        debug: () => undefined,
        verbose: () => undefined,
      },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
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
    if (!this.exportError || this.now() - this.exportError.at > EXPORT_ERROR_WINDOW_MS) return undefined;
    return this.exportError.reason;
  }

  async flush(): Promise<void> {
    try {
      await this.client.flush();
    } catch (error) {
      this.exportError = { reason: error instanceof Error ? error.name : "export failed", at: this.now() };
    }
  }

  private noteExportError(message: unknown): void {
    const text = typeof message === "string" ? message : "";
    // Only failures to deliver telemetry make the edge unready; other warnings are noise here.
    if (/export|envelope|ingest|send/i.test(text.slice(0, 200))) this.exportError = { reason: "telemetry export failed", at: this.now() };
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

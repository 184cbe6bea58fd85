// Child-process fixture: sends audit events through the real Application Insights sink to the
// ingestion endpoint named in argv[2] (a local HTTPS double trusted via NODE_EXTRA_CA_CERTS).
import { AuditLog } from "../../shared/audit/audit-log.ts";
import { AppInsightsAuditSink } from "../../shared/audit/app-insights-sink.ts";

const endpoint = process.argv[2] as string;
const jwt = process.argv[3] as string;
const sink = new AppInsightsAuditSink({ connectionString: `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=${endpoint}` });
const audit = new AuditLog(sink);
audit.record({ action: "auth.token", outcome: "deny", owasp: "MCP07", reason: "invalid_token", details: { header: `Bearer ${jwt}`, note: jwt } });
audit.request({ time: new Date().toISOString(), name: "screen", method: "POST", route: "api/screen", status: 200, durationMs: 1.5, correlationId: "4bf92f3577b34da6a3ce929d0e0e4736" });
await sink.flush();
await new Promise((resolve) => setTimeout(resolve, 500));
await sink.flush();
console.log(`lastError=${sink.lastError() ?? "none"}`);
process.exit(0);

// The one audit module: every security decision passes through here, is redacted, and reaches the sink.
import { redact } from "./redact.ts";
import type { AuditEvent, AuditRecord, AuditSink, RequestRecord } from "./events.ts";

export class AuditLog {
  constructor(
    private readonly sink: AuditSink,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  record(event: AuditEvent): void {
    const record = redact({ ...event, time: this.clock().toISOString() }) as AuditRecord;
    try {
      this.sink.emit(record);
    } catch {
      // A telemetry failure must never turn a decision into a 500; /api/ready reports the sink's state.
    }
  }

  request(record: RequestRecord): void {
    try {
      this.sink.request?.(record);
    } catch {
      // as above
    }
  }

  lastError(): string | undefined {
    return this.sink.lastError();
  }

  flush(): Promise<void> {
    return this.sink.flush();
  }
}

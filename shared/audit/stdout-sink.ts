// Local audit sink: one JSON line per event on stdout (or any writable), nothing when silent.
import type { AuditRecord, AuditSink, RequestRecord } from "./events.ts";

export interface LineWriter {
  write(line: string): unknown;
}

export class StdoutAuditSink implements AuditSink {
  /** `out` null writes nothing (EDGE_LOG_LEVEL=silent). */
  constructor(
    private readonly out: LineWriter | null,
    private readonly includeRequests = false,
  ) {}

  emit(record: AuditRecord): void {
    this.out?.write(`${JSON.stringify({ type: "audit", ...record })}\n`);
  }

  request(record: RequestRecord): void {
    if (this.includeRequests) this.out?.write(`${JSON.stringify({ type: "request", ...record })}\n`);
  }

  lastError(): string | undefined {
    return undefined;
  }

  async flush(): Promise<void> {}
}

/** Collects records in memory: for tests and for the CLI. */
export class MemoryAuditSink implements AuditSink {
  readonly records: AuditRecord[] = [];
  emit(record: AuditRecord): void {
    this.records.push(record);
  }
  lastError(): string | undefined {
    return undefined;
  }
  async flush(): Promise<void> {}
}

// The shape of an audit event: one security decision, correlated, tagged with the OWASP MCP Top 10 id.

export type OwaspMcpId =
  | "MCP01" // token mismanagement & secret exposure
  | "MCP02" // privilege escalation via scope creep
  | "MCP03" // tool poisoning
  | "MCP05" // command injection
  | "MCP06" // prompt injection via contextual payloads
  | "MCP07" // insufficient authentication & authorization
  | "MCP08" // lack of audit & telemetry
  | "MCP09" // shadow MCP servers
  | "MCP10"; // context injection & over-sharing

export type AuditOutcome = "allow" | "deny" | "flag" | "error" | "info";

export interface AuditEvent {
  /** Dotted name of the decision, e.g. `auth.token`, `token.exchange`, `screen.verdict`. */
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly owasp: OwaspMcpId;
  /** A short machine-readable reason code, e.g. `invalid_token`, `missing_role`. */
  readonly reason?: string;
  /** The hashed user key (never a raw identifier, never a token). */
  readonly subject?: string;
  /** The calling workload's client id, when known. */
  readonly client?: string;
  readonly correlationId?: string;
  readonly route?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Where audit events go: Application Insights on Azure, JSON lines on stdout locally. */
export interface AuditSink {
  emit(record: AuditRecord): void;
  /** Requests are reported separately from decisions (request telemetry). */
  request?(record: RequestRecord): void;
  /** Undefined when healthy; otherwise why the last export failed. */
  lastError(): string | undefined;
  flush(): Promise<void>;
}

export interface AuditRecord extends AuditEvent {
  readonly time: string;
}

export interface RequestRecord {
  readonly time: string;
  readonly name: string;
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  readonly correlationId: string;
}

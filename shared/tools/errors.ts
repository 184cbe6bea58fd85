// Errors of the tool-integrity domain. Plain TypeScript: the HTTP adapter (functions/servers.ts) maps
// them to problem+json; a table outage is not one of them (it surfaces as DependencyUnavailableError
// from the table store, which the pipeline answers with 503 — never with a verdict).

/** The caller sent something that is not acceptable (→ 400). `code` is the problem slug. */
export class ToolsInputError extends Error {
  override readonly name = "ToolsInputError";
  constructor(
    readonly code: "invalid-server-id" | "invalid-server" | "not-a-tools-list" | "invalid-tool" | "duplicate-tool-name" | "too-many-tools" | "definition-too-large",
    readonly detail: string,
  ) {
    super(detail);
  }
}

export type RefusalReason = "unknown" | "blocked" | "pending";

/**
 * The server id is not usable for this operation: unknown (→ 404), blocked (→ 403), or pending
 * (→ 403, only for verification: a server nobody approved serves no tools).
 */
export class ServerRefusedError extends Error {
  override readonly name = "ServerRefusedError";
  constructor(
    readonly serverId: string,
    readonly reason: RefusalReason,
  ) {
    super(reason === "unknown" ? "no such MCP server" : `the MCP server is ${reason}`);
  }

  get status(): 404 | 403 {
    return this.reason === "unknown" ? 404 : 403;
  }
}

/** Concurrent approvals kept winning the race after every retry (→ 409); nothing of this one was committed. */
export class ApprovalConflictError extends Error {
  override readonly name = "ApprovalConflictError";
  constructor(readonly attempts: number) {
    super(`the tool pins of this server changed concurrently ${attempts} times; nothing was committed, retry`);
  }
}

/** An `If-Match` precondition did not hold (→ 412); nothing was written. */
export class PreconditionFailedError extends Error {
  override readonly name = "PreconditionFailedError";
  constructor() {
    super("the server record changed since the given ETag; nothing was written");
  }
}

/** A new server id equal to, or confusable with, a registered one (→ 409): a shadow-server risk (MCP09). */
export class ServerIdConflictError extends Error {
  override readonly name = "ServerIdConflictError";
  constructor(
    readonly serverId: string,
    readonly existingId: string,
  ) {
    super(`the server id is confusable with the registered server "${existingId}"`);
  }
}

// Token-exchange errors carry their RFC 6749 §5.2 / RFC 8693 §2.2.2 code. The description is a short
// phrase that never says which check failed in detail; `reason` is for the audit log only.

export type ExchangeErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_target"
  | "invalid_scope"
  | "unsupported_grant_type"
  | "interaction_required"
  | "consent_required";

export class TokenExchangeError extends Error {
  override readonly name = "TokenExchangeError";
  constructor(
    readonly code: ExchangeErrorCode,
    readonly description: string,
    /** Audit reason code, e.g. `subject_expired`, `missing_inbound_scope`. */
    readonly reason: string,
    /** Passed back to the caller (e.g. an Entra claims challenge). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(description);
  }

  get status(): number {
    return this.code === "invalid_client" ? 401 : 400;
  }
}

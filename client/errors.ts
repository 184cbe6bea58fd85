// Typed errors of the edge client. Every failure of a call to the edge is one of these:
//
//   EdgeError                  base class: `status` (HTTP status, when there was an answer) and `code`
//   ├─ EdgeUnavailableError    the edge could not answer: network error, 502/503/504 (retries exhausted)
//   │  └─ EdgeTimeoutError     ...because an attempt ran past its timeout
//   ├─ EdgeRejectedError       the edge answered 4xx: `code` is the OAuth `error` (token exchange) or the
//   │                          problem type slug (`session-not-found`, `insufficient-scope`, ...)
//   └─ EdgeResponseError       any other answer the contract does not describe (500, malformed body)
//
// Callers that must fail closed treat every EdgeError as "not allowed".

export class EdgeError extends Error {
  override readonly name: string = "EdgeError";
  /** The HTTP status the edge answered, when it answered. */
  readonly status: number | undefined;
  /** A short machine-readable code (OAuth `error`, problem type slug, or a client-side code). */
  readonly code: string;

  constructor(message: string, options: { status?: number; code: string; cause?: unknown }) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.status = options.status;
    this.code = options.code;
  }
}

/** The edge could not give an answer: try again later (and meanwhile allow nothing). */
export class EdgeUnavailableError extends EdgeError {
  override readonly name: string = "EdgeUnavailableError";
  /** How long the edge asked callers to wait (Retry-After), in ms, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { status?: number; code?: string; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { ...options, code: options.code ?? "unavailable" });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** An attempt to reach the edge ran past its timeout (and no retry succeeded). */
export class EdgeTimeoutError extends EdgeUnavailableError {
  override readonly name: string = "EdgeTimeoutError";

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, code: "timeout" });
  }
}

/** The edge refused the request (4xx). Not retried: the same request would be refused again. */
export class EdgeRejectedError extends EdgeError {
  override readonly name: string = "EdgeRejectedError";
  /** The edge's short description (`error_description` or problem `detail`), when it gave one. */
  readonly description: string | undefined;

  constructor(status: number, code: string, description?: string) {
    super(`the edge refused the request (${status} ${code})${description ? `: ${description}` : ""}`, { status, code });
    this.description = description;
  }
}

/** The edge answered something its contract does not describe (a 500, a malformed body). */
export class EdgeResponseError extends EdgeError {
  override readonly name: string = "EdgeResponseError";

  constructor(message: string, options: { status?: number; code?: string; cause?: unknown } = {}) {
    super(message, { ...options, code: options.code ?? "bad_response" });
  }
}

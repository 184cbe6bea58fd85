// An error a handler throws to answer the caller: the pipeline turns it into problem+json or the
// OAuth format, depending on the route.

export class RequestError extends Error {
  override readonly name = "RequestError";
  constructor(
    readonly status: number,
    /** Problem slug (problem+json) — also the `error` code for OAuth routes when `oauthError` is unset. */
    readonly type: string,
    readonly detail: string,
    readonly options: { oauthError?: string; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
  }
}

export const badRequest = (type: string, detail: string, extensions?: Record<string, unknown>): RequestError =>
  new RequestError(400, type, detail, { oauthError: "invalid_request", ...(extensions ? { extensions } : {}) });

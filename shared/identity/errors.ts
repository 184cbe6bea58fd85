// Errors of the identity module. Callers branch on the class, never on message text.

/** The token is not acceptable. `reason` is a short code safe to log; never the token. */
export class InvalidTokenError extends Error {
  override readonly name = "InvalidTokenError";
  constructor(readonly reason: string) {
    super(`invalid token: ${reason}`);
  }
}

/** A dependency (discovery, JWKS, Table Storage, Key Vault, ...) is down, slow or answering garbage. */
export class DependencyUnavailableError extends Error {
  override readonly name = "DependencyUnavailableError";
  constructor(
    readonly dependency: string,
    readonly reason: string,
  ) {
    super(`${dependency} unavailable: ${reason}`);
  }
}

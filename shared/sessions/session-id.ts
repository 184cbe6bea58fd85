// Session ids: 256 bits from the OS CSPRNG, base64url without padding (43 characters). Only the
// SHA-256 of an id is ever stored (as the RowKey), so a leaked table holds no usable id.
import { createHash, randomBytes } from "node:crypto";

export const SESSION_ID_BYTES = 32;
export const SESSION_ID_LENGTH = 43;

// 43 base64url characters carry 258 bits: the last one carries 4 bits of the id and two zero bits,
// so it is one of these 16 characters. Anything else is not an id this edge issued.
const SHAPE = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

export function newSessionId(): string {
  return randomBytes(SESSION_ID_BYTES).toString("base64url");
}

/** Exact format check, done before any table access: bad format is answered like an unknown id. */
export function isSessionIdFormat(value: unknown): value is string {
  return typeof value === "string" && value.length === SESSION_ID_LENGTH && SHAPE.test(value);
}

/** The RowKey of a session: hex SHA-256 of its id. */
export function sessionRowKey(sessionId: string): string {
  return createHash("sha256").update(sessionId, "utf8").digest("hex");
}

/** What audit events carry instead of a session id: a short prefix of its hash. */
export function sessionHashPrefix(rowKey: string): string {
  return rowKey.slice(0, 12);
}

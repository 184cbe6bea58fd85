// The MCP server's own session id (`backendSessionId`) is stored encrypted with AES-256-GCM under a
// key derived (HKDF-SHA-256) from the edge session id itself. The table holds only the id's hash, so
// a leaked table (or backup) reveals neither the edge id nor the backend id. The row's keys are the
// additional authenticated data: a ciphertext moved to another row does not decrypt.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

const VERSION = "v1";
const SALT = Buffer.from("mcp-security-edge/session/backend-id/v1", "utf8");
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ONE = Buffer.from([1]);

/**
 * HKDF-SHA-256 (RFC 5869) for one 32-byte block: PRK = HMAC(salt, ikm); OKM = HMAC(PRK, info || 0x01).
 * Written out with createHmac because it runs on every validation and is cheaper than hkdfSync (which
 * builds KeyObjects); the output is identical (see the unit test).
 */
export function deriveKey(sessionId: string, rowKey: string): Buffer {
  const prk = createHmac("sha256", SALT).update(sessionId, "utf8").digest();
  return createHmac("sha256", prk).update(`backendSessionId:${rowKey}`, "utf8").update(ONE).digest();
}

function aadOf(partitionKey: string, rowKey: string): Buffer {
  return Buffer.from(JSON.stringify([partitionKey, rowKey]), "utf8");
}

export interface RowBinding {
  readonly partitionKey: string;
  readonly rowKey: string;
}

export function encryptBackendId(plaintext: string, sessionId: string, row: RowBinding): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(sessionId, row.rowKey), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadOf(row.partitionKey, row.rowKey));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** Undefined when the value is not a ciphertext of this row under this id (never throws). */
export function decryptBackendId(stored: string, sessionId: string, row: RowBinding): string | undefined {
  const [version, ivText, bodyText, extra] = stored.split(".");
  if (version !== VERSION || !ivText || !bodyText || extra !== undefined) return undefined;
  try {
    const iv = Buffer.from(ivText, "base64url");
    const body = Buffer.from(bodyText, "base64url");
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(sessionId, row.rowKey), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aadOf(row.partitionKey, row.rowKey));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

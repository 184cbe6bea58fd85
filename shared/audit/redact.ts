// The single redaction function for everything that is logged or returned in an error.
// It is a hand-written scanner (no backtracking regular expressions): cost is linear in the input.

const SENSITIVE_FIELD = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-functions-key",
  "code",
  "token",
  "access_token",
  "refresh_token",
  "id_token",
  "subject_token",
  "actor_token",
  "client_assertion",
  "client_secret",
  "assertion",
  "password",
  "secret",
  "sessionid",
  "session_id",
  "mcp-session-id",
  "backendsessionid",
  "connectionstring",
  "key",
  "apikey",
  "api-key",
  "ocp-apim-subscription-key",
]);

/** Keys whose `key=value` (connection string, query string) value is secret. */
const SECRET_ASSIGNMENT = new Set([
  "accountkey",
  "sharedaccesskey",
  "sharedaccesssignature",
  "sig",
  "instrumentationkey",
  "password",
  "pwd",
  "secret",
  "client_secret",
  "client_assertion",
  "subject_token",
  "actor_token",
  "access_token",
  "token",
  "code",
  "apikey",
  "api-key",
  "api_key",
  "key",
]);

const MAX_DEPTH = 8;

/** Redacts tokens, secrets, session ids and keys from any value about to be logged. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[TRUNCATED]";
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_FIELD.has(key.toLowerCase()) && item !== undefined && item !== null ? "[REDACTED]" : redact(item, depth + 1);
  }
  return out;
}

function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 45 || // -
    code === 95 || // _
    code === 46 || // .
    code === 43 || // +
    code === 47 || // /
    code === 61 || // =
    code === 126 || // ~
    code === 37 // % (URL-encoded secrets)
  );
}

/** Redacts secrets inside free text. Linear: one pass over the input, plus one per PEM block. */
export function redactText(text: string): string {
  if (text.length === 0) return text;
  text = redactPemBlocks(text);
  let out = "";
  let i = 0;
  let previousWord = "";
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isTokenChar(code)) {
      out += text[i];
      i += 1;
      continue;
    }
    let j = i;
    while (j < text.length && isTokenChar(text.charCodeAt(j))) j += 1;
    const run = text.slice(i, j);
    const replacement = classifyRun(run, previousWord);
    out += replacement ?? redactAssignments(run);
    previousWord = replacement === undefined ? run.toLowerCase() : "";
    i = j;
  }
  return out;
}

function classifyRun(run: string, previousWord: string): string | undefined {
  if (previousWord === "bearer" || previousWord === "basic") return "[REDACTED]";
  if (looksLikeJwt(run)) return "[REDACTED:jwt]";
  if (looksLikeOpaqueSecret(run)) return "[REDACTED]";
  return undefined;
}

/** Three (JWS) or five (JWE) dot-separated base64url parts, the first a JSON header ("eyJ"). */
function looksLikeJwt(run: string): boolean {
  if (!run.startsWith("eyJ")) return false;
  let dots = 0;
  for (let k = 0; k < run.length; k += 1) if (run.charCodeAt(k) === 46) dots += 1;
  return dots === 2 || dots === 4;
}

/**
 * A long run with upper case, lower case and digits is treated as an opaque secret (session ids,
 * API keys, SAS signatures). Hex digests (hashed user keys) are kept: they are meant to be logged.
 */
function looksLikeOpaqueSecret(run: string): boolean {
  if (run.length < 32) return false;
  let upper = false;
  let lower = false;
  let digit = false;
  let nonHex = false;
  for (let k = 0; k < run.length; k += 1) {
    const c = run.charCodeAt(k);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 48 && c <= 57) digit = true;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) nonHex = true;
  }
  if (!nonHex) return false;
  // URLs and paths are long too; a secret has no more than a few separators.
  return upper && lower && digit && !run.includes("://") && countOf(run, 47) < 3 && countOf(run, 46) < 3;
}

function countOf(run: string, code: number): number {
  let n = 0;
  for (let k = 0; k < run.length; k += 1) if (run.charCodeAt(k) === code) n += 1;
  return n;
}

/** Within a run such as `AccountKey=abc` or `a=1&sig=xyz`, redacts the values of secret keys. */
function redactAssignments(run: string): string {
  if (!run.includes("=")) return run;
  // Split on the separators of query strings; connection strings use ';', which is not a token char.
  const parts = run.split("&");
  let changed = false;
  for (let p = 0; p < parts.length; p += 1) {
    const part = parts[p] as string;
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    const bare = key.slice(key.lastIndexOf("?") + 1).toLowerCase();
    if (SECRET_ASSIGNMENT.has(bare) && eq < part.length - 1) {
      parts[p] = `${key}=[REDACTED]`;
      changed = true;
    }
  }
  return changed ? parts.join("&") : run;
}

function redactPemBlocks(text: string): string {
  let start = text.indexOf("-----BEGIN");
  if (start < 0) return text;
  let out = "";
  let from = 0;
  while (start >= 0) {
    const endMarker = text.indexOf("-----END", start);
    const close = endMarker < 0 ? -1 : text.indexOf("-----", endMarker + 8);
    const stop = close < 0 ? text.length : close + 5;
    out += text.slice(from, start) + "[REDACTED:pem]";
    from = stop;
    start = text.indexOf("-----BEGIN", stop);
  }
  return out + text.slice(from);
}

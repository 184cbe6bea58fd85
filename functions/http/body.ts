// Reading request bodies: content type first (415), then size (413), then syntax (400).
import type { HttpRequest } from "./azure-functions.ts";
import { duplicateKey } from "../../shared/mcp/duplicate-keys.ts";
import { RequestError, badRequest } from "./request-error.ts";

export function mediaType(request: HttpRequest): string {
  const header = request.headers.get("content-type") ?? "";
  const semicolon = header.indexOf(";");
  return (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

/** The charset a Content-Type names ("" when none). */
function charsetOf(request: HttpRequest): string {
  const header = (request.headers.get("content-type") ?? "").toLowerCase();
  const at = header.indexOf("charset=");
  if (at < 0) return "";
  let value = header.slice(at + 8);
  const end = value.indexOf(";");
  if (end >= 0) value = value.slice(0, end);
  return value.trim().replace(/^"|"$/g, "");
}

/** The media type, or 415: also for a charset other than UTF-8 and for a compressed body (bodies are read as UTF-8
 * and never decompressed, so either would only fail later, less clearly). */
export function requireMediaType(request: HttpRequest, accepted: readonly string[]): string {
  const type = mediaType(request);
  const charset = charsetOf(request);
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  const unsupported = (detail: string) =>
    new RequestError(415, "unsupported-media-type", detail, { oauthError: "invalid_request", headers: { "Accept-Post": accepted.join(", ") } });
  if (!accepted.includes(type)) throw unsupported(`Content-Type must be ${accepted.join(" or ")}`);
  if (charset !== "" && charset !== "utf-8" && charset !== "utf8") throw unsupported("the body must be UTF-8");
  if (encoding !== "identity" && encoding !== "") throw unsupported("Content-Encoding is not supported: send the body uncompressed");
  return type;
}

export function tooLarge(maxBytes: number): RequestError {
  return new RequestError(413, "body-too-large", `the body exceeds ${maxBytes} bytes`, { oauthError: "invalid_request" });
}

/** Rejects on Content-Length before reading, then checks the bytes actually read. */
export async function readBodyBytes(request: HttpRequest, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  return bytes;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function readText(request: HttpRequest, maxBytes: number): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return utf8.decode(bytes);
  } catch {
    throw badRequest("invalid-encoding", "the body is not valid UTF-8");
  }
}

export async function readJson(request: HttpRequest, maxBytes: number): Promise<unknown> {
  requireMediaType(request, ["application/json"]);
  const text = await readText(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw badRequest("invalid-json", "the body is not valid JSON");
  }
  // (a tool list approved with one value of a key twice in an object, and read by a client with the other, is no
  // approval; the key is not named: it is the caller's text)
  if (duplicateKey(text) !== undefined) throw badRequest("invalid-json", "a key appears twice in one object: parsers disagree on which value counts");
  return value;
}

export async function readForm(request: HttpRequest, maxBytes: number): Promise<URLSearchParams> {
  requireMediaType(request, ["application/x-www-form-urlencoded"]);
  const text = await readText(request, maxBytes);
  return new URLSearchParams(text);
}

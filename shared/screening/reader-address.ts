// Who a text speaks to and where it points, in the few lines around a finding: the tests that tell a description of code
// (a source file's comment, a changelog's entry) from an order planted in one, and the bounded line walks they read with.

/** A match further than this from its line's start is judged by no comment or entry (such a line is a sentence or two). */
export const LINE_REACH = 400;

/** Calls `visit` on each of a text's first `maxLines` lines (each cut at `width` units) until it returns true. */
export function eachHeadLine(text: string, maxLines: number, width: number, visit: (line: string) => boolean): void {
  let from = 0;
  for (let n = 0; from < text.length && n < maxLines; n++) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    if (visit(text.slice(from, Math.min(to, from + width)))) return;
    from = to + 1;
  }
}

/** The start of the line holding `at`, or -1 when it lies more than `reach` units before `at`. */
export function lineStartWithin(text: string, at: number, reach: number): number {
  let k = at;
  while (k > 0 && text.charCodeAt(k - 1) !== 0x0a) {
    if (at - k >= reach) return -1;
    k--;
  }
  return k;
}

/** Words a description of code does not use anywhere in its comment: the reader addressed ("you", "your answer",
 * "Assistant, …", "AI coding assistants") and secrecy ("silently", "do not mention"). */
const READER_WORDS = new Set(["you", "your", "yours", "yourself", "you're", "you'll", "you've", "assistant", "assistants", "ai", "llm", "llms", "claude", "copilot", "chatgpt", "gpt", "gemini", "silently", "quietly", "secretly"]);
const SECRECY = ["do not tell", "don't tell", "do not mention", "don't mention", "never mention", "without telling", "without mentioning",
  // (the reader named by what it does with the file: "When summarizing this file, …")
  "when summarizing", "when summarising", "when reviewing this", "when analyzing this", "when analysing this", "when reading this", "if asked about this"];
/** A destination pointed at or owned, in the match's own lines ("to the endpoint below", "to our webhook", "to this url");
 * elsewhere in a doc comment "use the following" is a usage example's. */
const POINTER_WORDS = new Set(["below", "above", "following", "our", "my"]);
const POINTER_PHRASES = ["this url", "this address", "this endpoint", "this webhook", "this host", "this server"];

function hasWord(lower: string, words: ReadonlySet<string>): boolean {
  let k = 0;
  while (k < lower.length) {
    while (k < lower.length && !isWordUnit(lower.charCodeAt(k))) k++;
    const s = k;
    while (k < lower.length && isWordUnit(lower.charCodeAt(k))) k++;
    if (k > s && words.has(lower.slice(s, k))) return true;
  }
  return false;
}

/** Whether a comment or an entry speaks to its reader: the reader addressed, the reader named by what it does with the
 * file ("When summarizing this file"), or secrecy. */
export function speaksToReader(comment: string): boolean {
  const lower = comment.toLowerCase();
  return SECRECY.some((phrase) => lower.includes(phrase)) || hasWord(lower, READER_WORDS);
}

/** A destination pointed at, owned, or held in a setting ("to the host in settings.AUDIT_HOST", "(METRICS_URL in .env)"). */
export function pointsAtDestination(lines: string): boolean {
  const lower = lines.toLowerCase();
  return POINTER_PHRASES.some((phrase) => lower.includes(phrase)) || hasWord(lower, POINTER_WORDS) || namesSetting(lines);
}

const isWordUnit = (c: number): boolean => isAlnum(c) || c === 0x27;

/** An identifier in capitals naming where data goes: "EXFIL_URL", "AUDIT_HOST", "WEBHOOK", "METRICS_ENDPOINT". */
function namesSetting(lines: string): boolean {
  let k = 0;
  while (k < lines.length) {
    while (k < lines.length && !isUpperWord(lines.charCodeAt(k))) k++;
    const s = k;
    while (k < lines.length && isUpperWord(lines.charCodeAt(k))) k++;
    if (k - s >= 4) {
      const w = lines.slice(s, k);
      if (/* an all-capital identifier */ w !== w.toLowerCase() && (w.includes("URL") || w.includes("HOST") || w.includes("ENDPOINT") || w.includes("WEBHOOK") || w.includes("URI"))) return true;
    }
    k++;
  }
  return false;
}

const isUpperWord = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/** Whether the digits around a dot end an IPv4 address ("203.0.113.7"): four dot-separated runs of digits. */
function isDottedQuad(span: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && ((span.charCodeAt(k - 1) >= 0x30 && span.charCodeAt(k - 1) <= 0x39) || span.charCodeAt(k - 1) === 0x2e) && dot - k < 16) k--;
  let q = dot;
  while (q < span.length && ((span.charCodeAt(q) >= 0x30 && span.charCodeAt(q) <= 0x39) || span.charCodeAt(q) === 0x2e) && q - dot < 16) q++;
  return span.slice(k, q).split(".").length === 4;
}

export const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
export const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || isAlpha(c);

/** Top-level domains of hosts written without a scheme ("hooks.vault-review.io/ingest"); not a file's extension (".json"). */
const HOST_TLDS = new Set(["com", "net", "org", "io", "dev", "ai", "co", "app", "xyz", "site", "cloud", "info", "biz", "me", "sh", "ru", "cn", "example", "test", "online", "top", "link", "tk"]);

/** A URL ("://", or a host with a known top-level domain), or an e-mail address (a word, '@', a name with a dot); not a
 * JSDoc tag ("@param") nor a package's version ("debug@3.1.0"). */
export function namesAddress(span: string): boolean {
  if (span.includes("://")) return true;
  for (let dot = span.indexOf("."); dot >= 0; dot = span.indexOf(".", dot + 1)) {
    if (dot === 0 || !isAlnum(span.charCodeAt(dot - 1))) continue;
    let q = dot + 1;
    while (q < span.length && isAlnum(span.charCodeAt(q))) q++;
    if (q === dot + 1) continue;
    const label = span.slice(dot + 1, q).toLowerCase();
    const next = span.charCodeAt(q);
    // a known top-level domain ("collect.evil.io"), any with a path or a port after it ("hooks.evil.de/in"), an IPv4
    // address ("203.0.113.7:8080/in")
    if (HOST_TLDS.has(label) && next !== 0x28) return true;
    if ((next === 0x2f || next === 0x3a) && isAlnum(span.charCodeAt(q + 1)) && (isAlpha(label.charCodeAt(0)) ? label.length >= 2 : isDottedQuad(span, dot))) return true;
  }
  for (let at = span.indexOf("@"); at >= 0; at = span.indexOf("@", at + 1)) {
    if (at === 0 || !isAlnum(span.charCodeAt(at - 1)) || !isAlpha(span.charCodeAt(at + 1))) continue;
    let q = at + 1;
    while (q < span.length && (isAlnum(span.charCodeAt(q)) || span.charCodeAt(q) === 0x2d)) q++;
    if (q > at + 1 && span.charCodeAt(q) === 0x2e && isAlnum(span.charCodeAt(q + 1))) return true;
  }
  return false;
}

// Source files and their comments. A coding agent's tools return source files whole, and their comments describe the code
// in the words of orders ("Determine the appropriate stability for the namespace", "Http post to token endpoint"): a rule
// that reads such words as an order to the model (Rule.describesInCode) is lowered inside a source file's comments.

/** Lines looked at: enough to judge a file by its head, bounded so that the test costs the same however long the text. */
const SOURCE_LINES_MAX = 400;
/** A comment's lines looked at after a match's start, at most (a match runs over a few lines). */
const COMMENT_REACH = 2000;
/** A match further than this from its line's start is no comment's (a comment line is a sentence or two long). */
const LINE_REACH = 400;

/** Whether a trimmed line is code: a statement's end, a block's brace, a declaration or an import. */
function isCodeLine(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  // ';' '{' '}' '(' at the end
  if (last === 0x3b || last === 0x7b || last === 0x7d || last === 0x28) return true;
  const first = line.charCodeAt(0);
  if (first === 0x7d || first === 0x29 || first === 0x40) return true; // '}' ')' '@'
  for (const kw of CODE_OPENERS) if (line.startsWith(kw)) return true;
  return isAssignment(line);
}

/** "name = value", "self.items[k] = v", "total += n" (Python, Ruby, shell): an identifier, then '=' that is no comparison. */
function isAssignment(line: string): boolean {
  let k = 0;
  const first = line.charCodeAt(0);
  if (!(isAlpha(first) || first === 0x5f)) return false;
  while (k < line.length && k < 80) {
    const c = line.charCodeAt(k);
    if (isAlnum(c) || c === 0x5f || c === 0x2e || c === 0x5b || c === 0x5d || c === 0x27 || c === 0x22) k++;
    else break;
  }
  while (line.charCodeAt(k) === 0x20) k++;
  const c = line.charCodeAt(k);
  if (c === 0x2b || c === 0x2d || c === 0x2a || c === 0x2f) k++; // += -= *= /=
  return line.charCodeAt(k) === 0x3d && line.charCodeAt(k + 1) !== 0x3d && k + 1 < line.length;
}

const CODE_OPENERS = ["import ", "export ", "const ", "let ", "var ", "function ", "async function", "def ", "class ", "return ", "return;", "if (", "for (", "while (", "from ", "package ", "func ", "fn ", "pub ", "use ", "#include", "#!", "elif ", "else:", "try:", "except", "with ", "raise ", "yield "];

/** Whether a line (trimmed) is a comment line of C-like or script code. */
function isCommentLine(line: string): boolean {
  return line.startsWith("//") || line.startsWith("/*") || line.startsWith("*") || line.startsWith("#");
}

/**
 * Whether a text is a source file: at least five code lines, and a quarter of its non-empty lines (among its first
 * SOURCE_LINES_MAX) code or comments with code lines at least a tenth. Prose with a code sample is not (its lines are
 * sentences), nor a Markdown file however much code it shows (a fence, "```", opens a line: its "* " items and "# "
 * headings would read as comments).
 */
export function isSourceCode(text: string): boolean {
  let lines = 0;
  let code = 0;
  let comments = 0;
  let markdown = false;
  eachHeadLine(text, SOURCE_LINES_MAX, 400, (raw) => {
    const line = raw.trim();
    if (line.length === 0) return false;
    if (line.startsWith("```") || line.startsWith("~~~")) return (markdown = true);
    lines++;
    // ("# " opens a script's comment and a Markdown heading alike: no vote either way)
    if (line.startsWith("# ")) return false;
    if (isCommentLine(line)) comments++;
    else if (isCodeLine(line)) code++;
    return false;
  });
  return !markdown && code >= 5 && code * 10 >= lines && (code + comments) * 4 >= lines;
}

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

/**
 * Whether a match [start, end) lies in a source file's comment that describes code: its first line is a comment line; the
 * comment lines it runs over name no address, a URL or an e-mail address ("TODO: POST config/secrets.yaml to https://…" in
 * a comment is an order whatever it sits in; a link elsewhere in a long doc comment is the docs'); and the whole comment
 * (its run of comment lines, bounded) does not speak to its reader (speaksToReader). (The match may run on past the
 * comment: a near match's last word may be the code's.)
 */
export function inCodeComment(text: string, start: number, end: number): boolean {
  // (every walk is bounded: each finding costs at most LINE_REACH + 2 × COMMENT_REACH units)
  const lineStart = lineStartWithin(text, start, LINE_REACH);
  if (lineStart < 0) return false;
  const limit = Math.min(text.length, lineStart + COMMENT_REACH);
  let from = lineStart;
  let matchLinesEnd = -1;
  let blockEnd = lineStart;
  while (from < limit) {
    let to = from;
    while (to < limit && text.charCodeAt(to) !== 0x0a) to++;
    // (the first line may be code with a comment after it: "if (ch === '<') { // Determine the tag type")
    if (!isCommentLine(text.slice(from, to).trimStart()) && !(from === lineStart && trailingComment(text.slice(lineStart, start)))) break;
    blockEnd = to;
    // (the comment lines the match runs over; it may end on the next line's code)
    if (matchLinesEnd < 0 && to >= end) matchLinesEnd = to;
    from = to + 1;
  }
  if (blockEnd <= start) return false;
  // the address looked for in the match's lines and the two after them, code or comment ("… post the API keys to\n
  // https://collect.example/c", "… to the collector endpoint\n// https://…"), not in the rest of a long doc comment
  let near = Math.max(end, lineStart);
  for (let n = 0; n < 3 && near < limit; n++) {
    while (near < limit && text.charCodeAt(near) !== 0x0a) near++;
    if (n < 2 && near < limit) near++;
  }
  const matchLines = text.slice(lineStart, near);
  if (namesAddress(matchLines) || pointsAtDestination(matchLines)) return false;
  // the comment lines before the match's, back to the comment's first
  let blockStart = lineStart;
  while (blockStart > 0 && lineStart - blockStart < COMMENT_REACH) {
    let prev = blockStart - 1;
    while (prev > 0 && text.charCodeAt(prev - 1) !== 0x0a && lineStart - prev < COMMENT_REACH) prev--;
    if (!isCommentLine(text.slice(prev, blockStart - 1).trimStart())) break;
    blockStart = prev;
  }
  return !speaksToReader(text.slice(blockStart, blockEnd));
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

/** Whether a line's text before a match opens a comment after code: "//" (not a URL's "://"), or PEP 8's "  # ". */
function trailingComment(before: string): boolean {
  for (let at = before.indexOf("//"); at >= 0; at = before.indexOf("//", at + 2)) if (at === 0 || before.charCodeAt(at - 1) !== 0x3a) return true;
  return before.includes("  # ");
}

/** Whether the digits around a dot end an IPv4 address ("203.0.113.7"): four dot-separated runs of digits. */
function isDottedQuad(span: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && ((span.charCodeAt(k - 1) >= 0x30 && span.charCodeAt(k - 1) <= 0x39) || span.charCodeAt(k - 1) === 0x2e) && dot - k < 16) k--;
  let q = dot;
  while (q < span.length && ((span.charCodeAt(q) >= 0x30 && span.charCodeAt(q) <= 0x39) || span.charCodeAt(q) === 0x2e) && q - dot < 16) q++;
  return span.slice(k, q).split(".").length === 4;
}

const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || isAlpha(c);

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

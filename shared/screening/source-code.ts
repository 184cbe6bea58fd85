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
  // ';' '{' '}' '(' ',' at the end
  if (last === 0x3b || last === 0x7b || last === 0x7d || last === 0x28) return true;
  const first = line.charCodeAt(0);
  if (first === 0x7d || first === 0x29 || first === 0x40) return true; // '}' ')' '@'
  for (const kw of CODE_OPENERS) if (line.startsWith(kw)) return true;
  return false;
}

const CODE_OPENERS = ["import ", "export ", "const ", "let ", "var ", "function ", "async function", "def ", "class ", "return ", "return;", "if (", "for (", "while (", "from ", "package ", "func ", "fn ", "pub ", "use ", "#include", "#!"];

/** Whether a line (trimmed) is a comment line of C-like or script code. */
function isCommentLine(line: string): boolean {
  return line.startsWith("//") || line.startsWith("/*") || line.startsWith("*") || line.startsWith("#");
}

/**
 * Whether a text is a source file: at least five code lines, and a quarter of its non-empty lines (among its first
 * SOURCE_LINES_MAX) code or comments with code lines at least a tenth. Prose with a code sample is not (its lines are
 * sentences); a Markdown file's '#' headings are not code.
 */
export function isSourceCode(text: string): boolean {
  let lines = 0;
  let code = 0;
  let comments = 0;
  let from = 0;
  while (from < text.length && lines < SOURCE_LINES_MAX) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    const line = text.slice(from, Math.min(to, from + 400)).trim();
    from = to + 1;
    if (line.length === 0) continue;
    lines++;
    if (isCommentLine(line) && !line.startsWith("# ")) comments++;
    else if (line.startsWith("# ")) comments += 0; // a Markdown heading or a script's comment: neither way a vote
    else if (isCodeLine(line)) code++;
  }
  return code >= 5 && code * 10 >= lines && (code + comments) * 4 >= lines;
}

/**
 * Whether a match [start, end) lies in a source file's comment: its first line is a comment line, and the comment lines it
 * runs over name no address, a URL or an e-mail address ("TODO: POST config/secrets.yaml to https://…" in a comment is an
 * order whatever it sits in; a link elsewhere in a long doc comment is the docs'). (The match may run on past the comment:
 * a near match's last word may be the code's.)
 */
export function inCodeComment(text: string, start: number, end: number): boolean {
  // (both walks are bounded: a text on one long line costs each finding at most LINE_REACH + COMMENT_REACH units)
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 0x0a) {
    if (start - lineStart >= LINE_REACH) return false;
    lineStart--;
  }
  const limit = Math.min(text.length, lineStart + COMMENT_REACH);
  let from = lineStart;
  let linesEnd = lineStart;
  while (from < limit) {
    let to = from;
    while (to < limit && text.charCodeAt(to) !== 0x0a) to++;
    // (the first line may be code with a comment after it: "if (ch === '<') { // Determine the tag type")
    if (!isCommentLine(text.slice(from, to).trimStart()) && !(from === lineStart && trailingComment(text.slice(lineStart, start)))) break;
    linesEnd = to;
    // (the comment lines the match runs over; it may end on the next line's code)
    if (to >= end) break;
    from = to + 1;
  }
  return linesEnd > start && !namesAddress(text.slice(lineStart, linesEnd));
}

/** Whether a line's text before a match opens a comment after code: "//" (not a URL's "://"), or PEP 8's "  # ". */
function trailingComment(before: string): boolean {
  for (let at = before.indexOf("//"); at >= 0; at = before.indexOf("//", at + 2)) if (at === 0 || before.charCodeAt(at - 1) !== 0x3a) return true;
  return before.includes("  # ");
}

const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** A URL ("://") or an e-mail address (a word, '@', a name with a dot); not a JSDoc tag ("@param"). */
function namesAddress(span: string): boolean {
  if (span.includes("://")) return true;
  for (let at = span.indexOf("@"); at >= 0; at = span.indexOf("@", at + 1)) {
    if (at === 0 || !isAlnum(span.charCodeAt(at - 1))) continue;
    let q = at + 1;
    while (q < span.length && (isAlnum(span.charCodeAt(q)) || span.charCodeAt(q) === 0x2d)) q++;
    if (q > at + 1 && span.charCodeAt(q) === 0x2e && isAlnum(span.charCodeAt(q + 1))) return true;
  }
  return false;
}

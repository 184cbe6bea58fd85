// Source files and their comments. A coding agent's tools return source files whole, and their comments describe the code
// in the words of tasks ("Determine the appropriate stability for the namespace", "Convert to UPPERCASE"): a rule that reads
// such words as a task for the model (Rule.describesInCode) is lowered inside a source file's comments.

import { eachHeadLine, isAlnum, isAlpha, LINE_REACH, lineStartWithin, namesAddress, pointsAtDestination, speaksToReader } from "./reader-address.ts";

/** Lines looked at, and a line's units: enough to judge a file by its head. */
const SOURCE_LINES_MAX = 400;
const SOURCE_LINE_WIDTH = 400;
/** A comment's lines looked at after a match's start, at most (a match runs over a few lines). */
const COMMENT_REACH = 2000;

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
  eachHeadLine(text, SOURCE_LINES_MAX, SOURCE_LINE_WIDTH, (raw) => {
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

/** Whether a line's text before a match opens a comment after code: "//" (not a URL's "://"), or PEP 8's "  # ". */
function trailingComment(before: string): boolean {
  for (let at = before.indexOf("//"); at >= 0; at = before.indexOf("//", at + 2)) if (at === 0 || before.charCodeAt(at - 1) !== 0x3a) return true;
  return before.includes("  # ");
}

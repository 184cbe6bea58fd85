// Where an offset sits in a text's layout, for screenOne's structural checks: a quoted line of an e-mail thread, a table's
// row, a line of plain prose, a fenced code block, a chat API's message list written in code. Each look is bounded or
// made once a text (the fences are found once and kept for the text), so the checks stay linear.

/** The index (into the pairs) of the [start, end) pair that holds `at`, or -1; the pairs are in order, not overlapping. */
function rangeIndex(ranges: readonly number[], at: number): number {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < ranges[2 * mid]!) hi = mid - 1;
    else if (at >= ranges[2 * mid + 1]!) lo = mid + 1;
    else return 2 * mid;
  }
  return -1;
}



/** Tabular data: at least three lines that start (after blanks) with '|' (a Markdown table). Linear. */
/** How far back a finding's line start is looked for (an unwrapped quoted paragraph may be long; bounded, so linear). */
const QUOTED_LINE_MAX = 2000;

/** Whether `at` lies on a line that opens with '>' after blanks: a quoted earlier message of an e-mail thread. */
export function onQuotedLine(text: string, at: number): boolean {
  const stop = Math.max(0, at - QUOTED_LINE_MAX);
  let k = at - 1;
  while (k >= stop && text.charCodeAt(k) !== 0x0a) k--;
  // (no line start within reach: not a quoted line)
  if (k < stop && stop > 0) return false;
  k++;
  while (k < at && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k++;
  return text.charCodeAt(k) === 0x3e;
}

/** Whether the text is a reply that quotes an earlier message: "… wrote:", "Original Message", "Forwarded message", a
 * quoted "> From:" header. */
export function isReplyThread(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.includes("wrote:") || lower.includes("original message") || lower.includes("forwarded message") || lower.includes("> from:");
}

/** How many lines open with '>' (at most 2 counted: whether a message quotes a block). */
export function quotedLines(text: string): number {
  let count = 0;
  let lineStart = true;
  for (let k = 0; k < text.length && count < 2; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) lineStart = true;
    else if (lineStart && c !== 0x20 && c !== 0x09) {
      if (c === 0x3e) count++;
      lineStart = false;
    }
  }
  return count;
}

export function isTabular(text: string): boolean {
  let rows = 0;
  for (let i = 0; i < text.length; ) {
    let k = i;
    while (k < text.length && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k++;
    if (text.charCodeAt(k) === 0x7c && ++rows >= 3) return true;
    const nl = text.indexOf("\n", k);
    if (nl < 0) return false;
    i = nl + 1;
  }
  return false;
}

/** Is the line holding `at` a table's row (its first unit other than a blank is '|'), or is the nearest line with
 * words before or after it one, over at most two blank lines (a sentence under a table, after the blank line that
 * ends it)? (Each line read at most 4,096 units back or ahead.) */
export function nearTableRow(text: string, at: number): boolean {
  const start = lineStartBefore(text, at);
  if (rowAt(text, start)) return true;
  let prev = start;
  for (let n = 0; n < 3 && prev > 0; n++) {
    prev = lineStartBefore(text, prev - 1);
    if (!blankLine(text, prev)) {
      if (rowAt(text, prev)) return true;
      break;
    }
  }
  let next = at;
  for (let n = 0; n < 3; n++) {
    const nl = text.indexOf("\n", next);
    if (nl < 0 || nl - next > 4096) break;
    next = nl + 1;
    if (!blankLine(text, next)) return rowAt(text, next);
  }
  return false;
}

/** Is `at` on a line of plain prose: not in a fenced code block, not on a list's item, a quotation's line or a heading, and
 * not right after a quotation mark or a backtick? Such a line speaks in the text's own voice ("Summarize the following as
 * the only conclusion of this report: …" under a table); a README's example prompts ("- "Show me the tables in …""),
 * steps ("1. Analyze which predicate …") and code ("# Analyze an asset") do not. */
export function plainProseAt(text: string, at: number): boolean {
  const start = lineStartBefore(text, at);
  let k = start;
  while (k < at && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k++;
  if (listOrQuoteAt(text, k)) return false;
  let q = at - 1;
  while (q >= start && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q--;
  const b = text.charCodeAt(q);
  if (q >= start && (b === 0x22 || b === 0x27 || b === 0x60 || b === 0x201c || b === 0x2018)) return false;
  return !inFence(text, at);
}

/** Does a list's item, a quotation's line, a heading or a table's row start at k: "- ", "* ", "+ ", "1. ", "2) ", "> ",
 * "# ", "|"? ("**Note:** …" and "2024 targets were met" are prose.) */
function listOrQuoteAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  const d = text.charCodeAt(k + 1);
  if (c === 0x3e || c === 0x23 || c === 0x7c) return true;
  if ((c === 0x2d || c === 0x2a || c === 0x2b) && (d === 0x20 || d === 0x09)) return true;
  let q = k;
  while (q < text.length && q < k + 4 && text.charCodeAt(q) >= 0x30 && text.charCodeAt(q) <= 0x39) q++;
  return q > k && (text.charCodeAt(q) === 0x2e || text.charCodeAt(q) === 0x29) && (text.charCodeAt(q + 1) === 0x20 || text.charCodeAt(q + 1) === 0x09);
}

/** The fenced code blocks of the last text asked about, as [start, end) pairs ("```" to the next "```" or the text's end). */
let fenceText = "";
export let fenceRanges: number[] = [];

/** The next "```" at or after `from` that starts its line (after blanks), or -1. */
function fenceAt(text: string, from: number): number {
  for (let k = text.indexOf("```", from); k >= 0; k = text.indexOf("```", k + 3)) {
    let q = k;
    while (q > 0 && (text.charCodeAt(q - 1) === 0x20 || text.charCodeAt(q - 1) === 0x09)) q--;
    if (q === 0 || text.charCodeAt(q - 1) === 0x0a) return k;
  }
  return -1;
}

/** Where the fenced code block holding `at` starts, as an index into fenceRanges (-1: none). */
export function fenceIndex(text: string, at: number): number {
  if (text !== fenceText) {
    fenceText = text;
    fenceRanges = [];
    // (a fence opens and closes a line: "Use ``` fences" in prose is none)
    for (let k = fenceAt(text, 0); k >= 0; ) {
      const close = fenceAt(text, k + 3);
      fenceRanges.push(k, close < 0 ? text.length : close + 3);
      if (close < 0) break;
      k = fenceAt(text, close + 3);
    }
  }
  return rangeIndex(fenceRanges, at);
}

const inFence = (text: string, at: number): boolean => fenceIndex(text, at) >= 0;

function blankLine(text: string, lineStart: number): boolean {
  let k = lineStart;
  while (k < text.length && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09 || text.charCodeAt(k) === 0x0d)) k++;
  return k >= text.length || text.charCodeAt(k) === 0x0a;
}

function lineStartBefore(text: string, at: number): number {
  let k = at;
  const stop = Math.max(0, at - 4096);
  while (k > stop && text.charCodeAt(k - 1) !== 0x0a) k--;
  return k;
}

function rowAt(text: string, lineStart: number): boolean {
  let k = lineStart;
  while (k < text.length && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k++;
  return text.charCodeAt(k) === 0x7c;
}

/** Does a chat message's role key open at `at` ('"role": "system"', "'role': 'system'")? */
export function isRoleKey(text: string, at: number): boolean {
  const q = text.charCodeAt(at);
  return (q === 0x22 || q === 0x27) && text.startsWith("role", at + 1) && text.charCodeAt(at + 5) === q;
}

/** Lines looked back over for the code that opens a message list. */
const LIST_OPENER_LINES = 3;

/** Is there, on the line of `at` before it or on one of the LIST_OPENER_LINES lines above, code that opens a list
 * ("messages = [", "client.chat.completions.create(messages=[", "const msgs: Message[] = [")? (Bounded: at most 400
 * units back.) */
export function listOpenedInCode(text: string, at: number): boolean {
  const floor = Math.max(0, at - 400);
  let e = at;
  for (let line = 0; line <= LIST_OPENER_LINES && e > floor; line++) {
    let s = e;
    while (s > floor && text.charCodeAt(s - 1) !== 0x0a) s--;
    const seg = text.slice(s, e).trimEnd();
    const open = seg.lastIndexOf("[");
    if (open >= 0 && seg.slice(open + 1).trim().length <= 1) {
      const before = seg.slice(0, open).trimEnd();
      if (before.endsWith("=") || before.endsWith("(")) return true;
    }
    e = s - 1;
  }
  return false;
}

// Mention, not use: an attack phrase quoted as an example in a text about attacks ("users keep typing things like
// "repeat the text above"", "a typical payload reads: <code>If you are an AI model …</code>", "text like:\n```\nNote to
// the assistant: …\n```") is what security write-ups, training material and bug reports are made of. A model reading
// such a text is told about the phrase, not told to do it.
//
// Every look is bounded (LOOK units around the finding, a few quotations back), so the cost per finding is constant.

/** Most units looked at on either side of a finding. */
const LOOK = 400;

/** Words that introduce a quoted example when they end the text right before the quotation. */
const INTRODUCERS = [
  "such as", "like", "e.g.", "e.g.,", "for example", "for instance", "example", "examples", "reads", "reading", "says", "saying",
  "said", "typing", "typed", "types", "wording", "phrase", "phrases", "phrased", "string", "strings", "payload", "payloads",
  "contains", "containing", "contained", "including", "includes", "quote", "quoted", "quoting", "as in", "variant", "variants",
  "pattern", "patterns", "injection", "injections", "attempts",
];

/** Words in the sentence before the quotation that order the reader to act on it (then it is no mention). */
const FOLLOW = ["follow", "obey", "execute", "comply", "carry out", "act on", "do what", "perform", "apply", "run the", "adhere"];

/** indexOf, looking at most LOOK units on from `from` (-1 past that). */
function indexNear(text: string, needle: string, from: number): number {
  const k = text.slice(from, from + LOOK + needle.length).indexOf(needle);
  return k < 0 ? -1 : from + k;
}

/** lastIndexOf of a match that starts before `before`, looking at most LOOK units back (-1 past that). */
function lastIndexNear(text: string, needle: string, before: number): number {
  const from = Math.max(0, before - LOOK);
  const k = text.slice(from, before).lastIndexOf(needle);
  return k < 0 ? -1 : from + k;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** Start of the line holding `at` (bounded by LOOK). */
function lineStart(text: string, at: number): number {
  for (let q = at - 1, stop = Math.max(0, at - LOOK); q >= stop; q--) {
    const c = text.charCodeAt(q);
    if (c === 0x0a || c === 0x0d) return q + 1;
  }
  return Math.max(0, at - LOOK);
}

/** End of the line holding `at` (bounded by LOOK). */
function lineEnd(text: string, at: number): number {
  for (let q = at, stop = Math.min(text.length, at + LOOK); q < stop; q++) {
    const c = text.charCodeAt(q);
    if (c === 0x0a || c === 0x0d) return q;
  }
  return Math.min(text.length, at + LOOK);
}

/** A straight quote that opens or closes a quotation rather than writing an apostrophe ("it's"). */
function singleQuoteMark(text: string, q: number): boolean {
  const p = q > 0 ? text.charCodeAt(q - 1) : 0x20;
  const n = q + 1 < text.length ? text.charCodeAt(q + 1) : 0x20;
  return !(isLetter(p) && isLetter(n));
}

/**
 * Where the quotation that holds [start, end) opens (the index of its opening mark), or -1: a pair of straight, curly or
 * single quotes, or backticks, on one line; `<code>`…`</code>`, `<q>`…`</q>`; a fenced code block (```).
 */
export function quotationOpening(text: string, start: number, end: number): number {
  // a fenced block: an odd number of fences in the LOOK units before (a block longer than that is not an example)
  const from = Math.max(0, start - LOOK);
  let fence = -1;
  let fences = 0;
  for (let q = indexNear(text, "```", from); q >= 0 && q < start; q = indexNear(text, "```", q + 3)) {
    fences++;
    fence = q;
  }
  if ((fences & 1) === 1 && indexNear(text, "```", end) >= 0) return fence;
  // HTML quotation and code elements
  for (const [open, close] of [["<code>", "</code>"], ["<q>", "</q>"]] as const) {
    const o = lastIndexNear(text, open, start);
    if (o >= 0 && lastIndexNear(text, close, start) < o && indexNear(text, close, end) >= 0) return o;
  }
  // marks on the finding's line
  const ls = lineStart(text, start);
  const le = lineEnd(text, end);
  // an indented code line (four blanks or a tab): the line is the quotation (its introducer ends the line before)
  if (ls > 0 && le - ls < LOOK && (text.charCodeAt(ls) === 0x09 || text.startsWith("    ", ls)) && end <= le) {
    let q = ls;
    while (q < le && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
    if (q <= start) return q;
  }
  let straight = -1;
  let straightCount = 0;
  let single = -1;
  let singleCount = 0;
  let tick = -1;
  let tickCount = 0;
  let curly = -1;
  for (let q = ls; q < start; q++) {
    const c = text.charCodeAt(q);
    if (c === 0x22) {
      straightCount++;
      straight = q;
    } else if (c === 0x60) {
      tickCount++;
      tick = q;
    } else if (c === 0x27 && singleQuoteMark(text, q)) {
      singleCount++;
      single = q;
    } else if (c === 0x201c || c === 0x2018 || c === 0xab) curly = q;
    else if (c === 0x201d || c === 0x2019 || c === 0xbb) curly = -1;
  }
  const closes = (marks: readonly number[]): boolean => {
    for (let q = end; q < le; q++) {
      const c = text.charCodeAt(q);
      if (marks.includes(c) && (c !== 0x27 || singleQuoteMark(text, q))) return true;
    }
    return false;
  };
  if (curly >= 0 && closes([0x201d, 0x2019, 0xbb])) return curly;
  if ((straightCount & 1) === 1 && closes([0x22])) return straight;
  if ((tickCount & 1) === 1 && closes([0x60])) return tick;
  if ((singleCount & 1) === 1 && closes([0x27])) return single;
  return -1;
}

/** The lower-cased words right before `at` (back over blanks, colons and dashes), up to 40 units. */
function wordsBefore(text: string, at: number): string {
  let e = at;
  while (e > 0) {
    const c = text.charCodeAt(e - 1);
    if (isSpace(c) || c === 0x3a || c === 0x2d || c === 0x2014 || c === 0x28) e--;
    // JSON's escaped line breaks ("text like:\n\n```")
    else if (e > 1 && text.charCodeAt(e - 2) === 0x5c && (c === 0x6e || c === 0x72 || c === 0x74)) e -= 2;
    else break;
  }
  return text.slice(Math.max(0, e - 40), e).toLowerCase();
}

function endsWithWord(s: string, w: string): boolean {
  if (!s.endsWith(w)) return false;
  const c = s.length > w.length ? s.charCodeAt(s.length - w.length - 1) : 0x20;
  return !isLetter(c);
}

/** Is the quotation opening at `open` introduced as an example (or the next item of a list of quoted examples)? */
function introducedAsExample(text: string, open: number, depth: number): boolean {
  const before = wordsBefore(text, open);
  if (INTRODUCERS.some((w) => endsWithWord(before, w))) return true;
  // `… like "A" or "B"`: the item before, if it is a quotation introduced as an example
  if (depth < 4 && (endsWithWord(before, "or") || endsWithWord(before, "and") || before.endsWith(",") || before.endsWith("/"))) {
    let q = open - 1;
    while (q > 0 && text.charCodeAt(q) !== 0x22 && text.charCodeAt(q) !== 0x201d && text.charCodeAt(q) !== 0x27 && text.charCodeAt(q) !== 0x60 && open - q < 12) q--;
    if (open - q >= 12 || q <= 0) return false;
    const prev = quotationOpening(text, q - 1, q - 1);
    return prev >= 0 && introducedAsExample(text, prev, depth + 1);
  }
  return false;
}

/** Does the sentence before the quotation order the reader to act on what it quotes ("follow instructions such as …")? */
function orderedToFollow(text: string, open: number): boolean {
  let s = open;
  for (let stop = Math.max(0, open - 200); s > stop; s--) {
    const c = text.charCodeAt(s - 1);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) break;
  }
  const sentence = text.slice(s, open).toLowerCase();
  return FOLLOW.some((w) => {
    for (let k = sentence.indexOf(w); k >= 0; k = sentence.indexOf(w, k + 1)) {
      const p = k > 0 ? sentence.charCodeAt(k - 1) : 0x20;
      if (!isLetter(p)) return true;
    }
    return false;
  });
}

/** Is [start, end) inside a quotation that the text introduces as an example, with no order to act on it? */
export function isQuotedExample(text: string, start: number, end: number): boolean {
  const open = quotationOpening(text, start, end);
  return open >= 0 && introducedAsExample(text, open, 0) && !orderedToFollow(text, open);
}

// The string values of a text that is JSON: a tool's result is often an API's JSON, whose values hold the documents
// (a page, an e-mail, a table) that the structural checks read by their lines and their first sentence. Found by a
// linear lexer over the string literals (no parse of the whole text, which may be cut off or invalid).

/** A string value: its literal's span in the text (quotes included) and its decoded text. */
export interface JsonStringValue {
  start: number;
  end: number;
  text: string;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The string values (not the keys) of `text` when it opens as JSON ('{' or '[' after blanks) that hold at least
 * `minLines` line breaks once decoded, or whose literal is at least `minLength` units long, at most `max` of them, in
 * order; [] when it does not open as JSON. A literal that does not end on its line, or does not decode, ends the search.
 */
export function multilineJsonValues(text: string, minLines: number, max: number, minLength = Infinity): JsonStringValue[] {
  const n = text.length;
  let i = 0;
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  const first = text.charCodeAt(i);
  if (first !== 0x7b && first !== 0x5b) return [];
  // (and goes on as JSON does: an object with a key, an array with a value; "[Notion › Support Ops] …" is a title)
  let k = i + 1;
  while (k < n && isBlank(text.charCodeAt(k))) k++;
  const second = text.charCodeAt(k);
  const opensValue = second === 0x22 || second === 0x7b || second === 0x5b || second === 0x5d || second === 0x2d || (second >= 0x30 && second <= 0x39) || second === 0x74 || second === 0x66 || second === 0x6e;
  if (first === 0x7b ? second !== 0x22 && second !== 0x7d : !opensValue) return [];
  const out: JsonStringValue[] = [];
  while (i < n && out.length < max) {
    if (text.charCodeAt(i) !== 0x22) {
      i++;
      continue;
    }
    // the literal runs to the next quote that no backslash escapes; a raw line break is no JSON
    let j = i + 1;
    let breaks = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x5c) {
        if (j + 1 < n && text.charCodeAt(j + 1) === 0x6e) breaks++;
        j += 2;
        continue;
      }
      if (c === 0x22 || c === 0x0a) break;
      j++;
    }
    if (j >= n || text.charCodeAt(j) !== 0x22) break;
    let k = j + 1;
    while (k < n && isBlank(text.charCodeAt(k))) k++;
    const key = k < n && text.charCodeAt(k) === 0x3a;
    if (!key && (breaks >= minLines || j + 1 - i >= minLength)) {
      let decoded: unknown;
      try {
        decoded = JSON.parse(text.slice(i, j + 1));
      } catch {
        break;
      }
      if (typeof decoded === "string") out.push({ start: i, end: j + 1, text: decoded });
    }
    i = j + 1;
  }
  return out;
}

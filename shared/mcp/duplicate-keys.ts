// JSON with a key twice in one object is read differently by different parsers: JSON.parse (and Newtonsoft, and the
// MCP SDKs) keep the last value, some keep the first. A message screened with one value and read by a model or a
// client with the other has not been screened, so the edge refuses such JSON instead of choosing. One pass, linear.

/**
 * The first key that appears twice in one object of `text`, or undefined. `text` is JSON that JSON.parse has already
 * accepted (so strings are well formed); keys are compared decoded ("a" and "\u0061" are the same key).
 */
export function duplicateKey(text: string): string | undefined {
  // per open container: its keys when it is an object (null for an array)
  const stack: Array<Set<string> | null> = [];
  // the next string in the current object is a key
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: find its end (a quote not escaped)
      let j = i + 1;
      let escaped = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (escaped) escaped = false;
        else if (d === 0x5c) escaped = true;
        else if (d === 0x22) break;
      }
      if (expectKey) {
        const raw = text.slice(i, j + 1);
        const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      // after a comma, an object expects its next key; an array its next value
      expectKey = stack.length > 0 && stack[stack.length - 1] !== null;
    }
  }
  return undefined;
}

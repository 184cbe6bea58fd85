// RFC 8785 JSON Canonicalization Scheme (JCS): the one serialization that tool pins are hashed over.
//
//  - Literals: `null`, `true`, `false`.
//  - Numbers (RFC 8785 §3.2.2.3): the ECMAScript Number::toString algorithm (ECMA-262 §6.1.6.1.20),
//    which is exactly what String(number) does in JavaScript; -0 serializes as `0`; NaN and ±Infinity
//    are not JSON and are refused.
//  - Strings (§3.2.2.2): `"` and `\` are escaped, U+0008/0009/000A/000C/000D as \b \t \n \f \r, every
//    other code unit below U+0020 as \u00xx with lower-case hex; everything else (U+007F, non-ASCII,
//    `/`, `<`...) is emitted as is. A lone surrogate is not valid Unicode and is refused (§3.2.2.2).
//  - Objects (§3.2.3): properties sorted by their names as arrays of UTF-16 code units (not by locale,
//    not by code point), recursively; arrays keep their order. No whitespace anywhere.
//  - The result is a JavaScript string; its UTF-8 encoding is the canonical byte sequence.
//
// Input is JSON data as JSON.parse produces it (plain objects, arrays, strings, finite numbers,
// booleans, null). Anything else (undefined, functions, symbols, bigints, Dates, Maps, class
// instances) is refused rather than silently coerced the way JSON.stringify would. JSON.parse keeps
// the last of duplicate property names, so duplicates in the original text cannot be detected here.

export class JcsError extends Error {
  override readonly name = "JcsError";
}

/** Default bound on nesting (objects and arrays), so that hostile input cannot exhaust the stack. */
export const JCS_DEFAULT_MAX_DEPTH = 128;

export function canonicalize(value: unknown, maxDepth: number = JCS_DEFAULT_MAX_DEPTH): string {
  const out: string[] = [];
  write(value, out, 0, maxDepth);
  return out.join("");
}

/** Sort order of RFC 8785 §3.2.3: lexicographic over UTF-16 code units (the `<` of ECMAScript strings). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function write(value: unknown, out: string[], depth: number, maxDepth: number): void {
  if (value === null) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "number":
      out.push(serializeNumber(value));
      return;
    case "string":
      out.push(serializeString(value));
      return;
    case "object":
      break;
    default:
      throw new JcsError(`a ${typeof value} is not JSON`);
  }
  if (depth >= maxDepth) throw new JcsError(`nesting deeper than ${maxDepth}`);
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.push(",");
      // Holes of sparse arrays are not JSON either.
      if (!(i in value)) throw new JcsError("a sparse array is not JSON");
      write(value[i], out, depth + 1, maxDepth);
    }
    out.push("]");
    return;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw new JcsError("only plain objects are JSON objects");
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareCodeUnits);
  out.push("{");
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    if (i > 0) out.push(",");
    out.push(serializeString(key), ":");
    write(record[key], out, depth + 1, maxDepth);
  }
  out.push("}");
}

/** RFC 8785 §3.2.2.3: ECMAScript Number::toString(10); -0 → "0"; NaN/Infinity refused. */
export function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new JcsError(`${String(value)} is not a JSON number`);
  if (value === 0) return "0"; // both +0 and -0
  return String(value);
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0c: "\\f",
  0x0d: "\\r",
  0x22: '\\"',
  0x5c: "\\\\",
};

/** RFC 8785 §3.2.2.2: a JSON string literal, escaping only what ECMAScript's JSON.stringify escapes. */
export function serializeString(value: string): string {
  let out = '"';
  let runStart = 0;
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      // A high surrogate must be followed by a low one; a low one must follow a high one.
      const next = i + 1 < value.length ? value.charCodeAt(i + 1) : -1;
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      throw new JcsError(`lone surrogate U+${unit.toString(16).toUpperCase()} at offset ${i}`);
    }
    if (unit >= 0x20 && unit !== 0x22 && unit !== 0x5c) continue;
    out += value.slice(runStart, i) + (SHORT_ESCAPES[unit] ?? `\\u${unit.toString(16).padStart(4, "0")}`);
    runStart = i + 1;
  }
  return `${out}${value.slice(runStart)}"`;
}

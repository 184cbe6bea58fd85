// Field-level differences between an approved tool definition and the one a server lists now: which
// top-level fields changed (with the hashes of their old and new RFC 8785 forms), which nested paths
// changed inside schemas and annotations, and a short text diff of the description and title.
// Linear in the size of the definitions (common prefix/suffix, bounded path walk).
import { jcsHash } from "./tools-list.ts";

export interface TextDiff {
  /** UTF-16 offset in the old text where the texts start to differ. */
  readonly at: number;
  /** Up to 40 units of unchanged text before and after the change (from the old text). */
  readonly before: string;
  readonly after: string;
  /** What the old text had there, and what the new one has (each at most 240 units, `…` when cut). */
  readonly removed: string;
  readonly added: string;
  /** One line: `…before[-removed-]{+added+}after…` (an empty side is left out). */
  readonly summary: string;
}

export interface FieldDiff {
  /** Top-level field of the tool object, e.g. `description`, `inputSchema`, `annotations`, `_meta`. */
  readonly field: string;
  readonly change: "added" | "removed" | "modified";
  /** Hex SHA-256 of the field's RFC 8785 form; null when absent. */
  readonly oldHash: string | null;
  readonly newHash: string | null;
  /** Changed paths inside an object field (at most 20), e.g. `inputSchema.properties.path.description`. */
  readonly paths?: readonly string[];
  /** For string fields (description, title). */
  readonly text?: TextDiff;
}

export interface ToolDiff {
  readonly oldHash: string;
  readonly newHash: string;
  /** Absent when the approved definition could not be read (the hashes still tell it changed). */
  readonly fields?: readonly FieldDiff[];
}

const CONTEXT = 40;
const MAX_SHOWN = 240;
const MAX_PATHS = 20;
const MAX_PATH_DEPTH = 12;

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** A slice that never starts or ends inside a surrogate pair. */
function safeSlice(text: string, start: number, end: number): string {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (s > 0 && s < text.length && isLow(text.charCodeAt(s))) s += 1;
  if (e < text.length && e > 0 && isHigh(text.charCodeAt(e - 1))) e -= 1;
  return s < e ? text.slice(s, e) : "";
}

function shorten(text: string): string {
  if (text.length <= MAX_SHOWN) return text;
  const half = MAX_SHOWN / 2;
  return `${safeSlice(text, 0, half)}…${safeSlice(text, text.length - half, text.length)}`;
}

export function textDiff(oldText: string, newText: string): TextDiff {
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHigh(oldText.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix += 1;
  if (suffix > 0 && isLow(oldText.charCodeAt(oldText.length - suffix))) suffix -= 1;
  const removed = shorten(oldText.slice(prefix, oldText.length - suffix));
  const added = shorten(newText.slice(prefix, newText.length - suffix));
  const before = safeSlice(oldText, prefix - CONTEXT, prefix);
  const after = safeSlice(oldText, oldText.length - suffix, oldText.length - suffix + CONTEXT);
  const lead = prefix > before.length ? "…" : "";
  const tail = suffix > after.length ? "…" : "";
  const change = `${removed ? `[-${removed}-]` : ""}${added ? `{+${added}+}` : ""}`;
  return { at: prefix, before, after, removed, added, summary: `${lead}${before}${change}${after}${tail}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pathOf(base: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Paths whose values differ, depth-first, bounded in count and depth. */
function changedPaths(oldValue: unknown, newValue: unknown, base: string, out: string[], depth: number): void {
  if (out.length >= MAX_PATHS) return;
  if (isObject(oldValue) && isObject(newValue) && depth < MAX_PATH_DEPTH) {
    const keys = new Set([...Object.keys(oldValue), ...Object.keys(newValue)]);
    for (const key of [...keys].sort()) {
      const a = oldValue[key];
      const b = newValue[key];
      if (a === undefined || b === undefined) {
        if (a !== b) out.push(pathOf(base, key));
      } else if (jcsHash(a) !== jcsHash(b)) {
        changedPaths(a, b, pathOf(base, key), out, depth + 1);
      }
      if (out.length >= MAX_PATHS) return;
    }
    return;
  }
  if (Array.isArray(oldValue) && Array.isArray(newValue) && oldValue.length === newValue.length && depth < MAX_PATH_DEPTH) {
    for (let i = 0; i < oldValue.length; i += 1) {
      if (jcsHash(oldValue[i]) !== jcsHash(newValue[i])) changedPaths(oldValue[i], newValue[i], `${base}[${i}]`, out, depth + 1);
      if (out.length >= MAX_PATHS) return;
    }
    return;
  }
  out.push(base);
}

/** Which top-level fields of the tool object differ, with hashes, nested paths and text diffs. */
export function diffFields(oldTool: Readonly<Record<string, unknown>>, newTool: Readonly<Record<string, unknown>>): FieldDiff[] {
  const fields = [...new Set([...Object.keys(oldTool), ...Object.keys(newTool)])].sort();
  const diffs: FieldDiff[] = [];
  for (const field of fields) {
    const oldValue = oldTool[field];
    const newValue = newTool[field];
    const oldHash = oldValue === undefined ? null : jcsHash(oldValue);
    const newHash = newValue === undefined ? null : jcsHash(newValue);
    if (oldHash === newHash) continue;
    const change = oldHash === null ? "added" : newHash === null ? "removed" : "modified";
    let paths: string[] | undefined;
    if (change === "modified" && (isObject(oldValue) || Array.isArray(oldValue))) {
      paths = [];
      changedPaths(oldValue, newValue, field, paths, 0);
    }
    const text =
      typeof oldValue === "string" || typeof newValue === "string"
        ? textDiff(typeof oldValue === "string" ? oldValue : "", typeof newValue === "string" ? newValue : "")
        : undefined;
    diffs.push({ field, change, oldHash, newHash, ...(paths ? { paths } : {}), ...(text ? { text } : {}) });
  }
  return diffs;
}

// Reading the Bicep sources as text (no Bicep compiler needed): file lists, comment stripping that
// respects strings, and the keys of an object literal assigned to a variable.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const repoRoot = new URL("../../", import.meta.url).pathname;
export const infraDir = join(repoRoot, "infra");

export function listFiles(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, extensions));
    else if (extensions.some((ext) => name.endsWith(ext))) out.push(path);
  }
  return out.sort();
}

export function bicepFiles(): string[] {
  return listFiles(infraDir, [".bicep"]);
}

export function policyFiles(): string[] {
  return listFiles(join(infraDir, "apim"), [".xml"]);
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

export function rel(path: string): string {
  return relative(repoRoot, path);
}

/**
 * Removes // and /* *\/ comments, keeping strings ('...' with \' escapes and ${...} holes, and
 * '''...''' multi-line strings) intact and keeping line breaks so that line numbers still match.
 */
export function stripBicepComments(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      const stop = end < 0 ? source.length : end + 3;
      out += source.slice(i, stop);
      i = stop;
      continue;
    }
    const ch = source[i]!;
    if (ch === "'") {
      const start = i;
      i++;
      let depth = 0;
      while (i < source.length) {
        const c = source[i]!;
        if (depth === 0 && c === "\\") {
          i += 2;
          continue;
        }
        if (depth === 0 && c === "'") {
          i++;
          break;
        }
        if (c === "$" && source[i + 1] === "{") {
          depth++;
          i += 2;
          continue;
        }
        if (depth > 0 && c === "}") depth--;
        i++;
      }
      out += source.slice(start, i);
      continue;
    }
    if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
      continue;
    }
    if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, "");
      i = stop;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Text of the object literal `var <name> = { ... }` (braces included), or null. */
export function objectLiteralOf(source: string, varName: string): string | null {
  const code = stripBicepComments(source);
  const match = new RegExp(`^\\s*var\\s+${varName}\\s*=\\s*\\{`, "m").exec(code);
  if (!match) return null;
  const start = match.index + match[0].length - 1;
  let depth = 0;
  let inString = false;
  let holeDepth = 0;
  for (let i = start; i < code.length; i++) {
    const ch = code[i]!;
    if (inString) {
      if (holeDepth === 0 && ch === "\\") {
        i++;
      } else if (holeDepth === 0 && ch === "'") {
        inString = false;
      } else if (ch === "$" && code[i + 1] === "{") {
        holeDepth++;
        i++;
      } else if (holeDepth > 0 && ch === "}") {
        holeDepth--;
      }
      continue;
    }
    if (ch === "'") inString = true;
    else if (ch === "{" || ch === "[" || ch === "(") depth++;
    else if (ch === "}" || ch === "]" || ch === ")") {
      depth--;
      if (depth === 0) return code.slice(start, i + 1);
    }
  }
  return null;
}

/** Top-level entries (key → value text) of `var <name> = { ... }`; throws if the variable is missing. */
export function objectEntriesOf(source: string, varName: string): Map<string, string> {
  const literal = objectLiteralOf(source, varName);
  if (literal === null) throw new Error(`var ${varName} = { ... } not found`);
  const entries = new Map<string, string>();
  const lines = literal.slice(1, -1).split("\n");
  let depth = 0;
  let current: string | null = null;
  for (const line of lines) {
    if (depth === 0) {
      const m = /^\s*(?:'([^']+)'|([A-Za-z_][A-Za-z0-9_]*))\s*:\s*(.*)$/.exec(line);
      if (m) {
        current = (m[1] ?? m[2])!;
        if (entries.has(current)) throw new Error(`duplicate key ${current} in var ${varName}`);
        entries.set(current, m[3]!.trim());
      }
    } else if (current !== null) {
      entries.set(current, `${entries.get(current)!}\n${line.trim()}`);
    }
    for (const ch of line.replace(/'(?:[^'\\]|\\.)*'/g, "''")) {
      if (ch === "{" || ch === "[" || ch === "(") depth++;
      else if (ch === "}" || ch === "]" || ch === ")") depth--;
    }
  }
  return entries;
}

export interface Declaration {
  readonly kind: "param" | "output";
  readonly name: string;
  readonly line: number;
  /** The decorator lines directly above the declaration. */
  readonly decorators: string;
}

/** Every top-level param and output with the decorators written directly above it. */
export function declarations(source: string): Declaration[] {
  const lines = source.split("\n");
  const out: Declaration[] = [];
  lines.forEach((line, index) => {
    const m = /^(param|output)\s+([A-Za-z_][A-Za-z0-9_]*)\b/.exec(line);
    if (!m) return;
    const block: string[] = [];
    for (let j = index - 1; j >= 0; j--) {
      const above = lines[j]!;
      if (above.trim() === "" || /^(param|output|var|resource|module|type|import|extension|targetScope|func)\b/.test(above)) break;
      if (above.trim().startsWith("//")) continue; // a commented-out decorator is no decorator
      block.unshift(above);
    }
    out.push({ kind: m[1] as "param" | "output", name: m[2]!, line: index + 1, decorators: block.join("\n") });
  });
  return out;
}

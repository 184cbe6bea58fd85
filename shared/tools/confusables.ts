// Shadowing: tool names that look alike, and descriptions that talk about other servers' tools.
//
// A name's skeleton folds what a user or a model would not tell apart: Unicode compatibility forms
// and case (NFKC + lower case), diacritics, Cyrillic/Greek/IPA look-alikes of Latin letters,
// invisible and bidi characters (all through the screening engine's normalizer, so both features fold
// alike), the separators `_` `-` `.` and whitespace (so `send_email`, `send-email`, `sendEmail` and
// `Send Email` collide), and a few glyph confusions of identifiers: `I`/`i`/`1`/`|` → `l`, `0` → `o`,
// `rn` → `m`, `vv` → `w`. Two names with the same skeleton are confusable.
import { normalize } from "../screening/index.ts";

const SEPARATORS = /[\s_.\-]+/gu;

export function nameSkeleton(name: string): string {
  const folded = normalize(name).text;
  // After lower-casing, `I`, `l`, `1` and `|` (and so `i`) are one glyph class.
  return folded.replace(SEPARATORS, "").replace(/[i1|]/g, "l").replace(/0/g, "o").replace(/rn/g, "m").replace(/vv/g, "w");
}

/** A name made of several parts (separator, camelCase, digits): specific enough to count when merely mentioned. */
export function isDistinctiveName(name: string): boolean {
  return nameSkeleton(name).length >= 4 && (/[_.\-]/.test(name) || /\p{Ll}\p{Lu}/u.test(name) || /\p{L}\p{N}|\p{N}\p{L}/u.test(name));
}

export interface OtherServerNames {
  readonly serverId: string;
  readonly displayName: string;
  readonly tools: readonly string[];
}

interface ToolTarget {
  readonly serverId: string;
  readonly name: string;
  readonly distinctive: boolean;
}

interface ServerTarget {
  readonly serverId: string;
}

/** Skeletons of the approved tools and the names of the other servers, built once per verification. */
export class NameIndex {
  readonly tools = new Map<string, ToolTarget[]>();
  readonly servers = new Map<string, ServerTarget[]>();

  constructor(others: readonly OtherServerNames[]) {
    for (const server of others) {
      for (const name of server.tools) {
        const skeleton = nameSkeleton(name);
        if (skeleton.length === 0) continue;
        const list = this.tools.get(skeleton) ?? [];
        list.push({ serverId: server.serverId, name, distinctive: isDistinctiveName(name) });
        this.tools.set(skeleton, list);
      }
      for (const label of new Set([server.serverId, server.displayName])) {
        const skeleton = nameSkeleton(label);
        // A short or one-letter label would match ordinary words.
        if (skeleton.length < 5) continue;
        const list = this.servers.get(skeleton) ?? [];
        if (!list.some((s) => s.serverId === server.serverId)) list.push({ serverId: server.serverId });
        this.servers.set(skeleton, list);
      }
    }
  }

  /** Approved tools of other servers whose name equals or is confusable with `name`. */
  shadowed(name: string): Array<ToolTarget & { exact: boolean }> {
    return (this.tools.get(nameSkeleton(name)) ?? []).map((target) => ({ ...target, exact: target.name === name }));
  }
}

export interface CrossReference {
  readonly start: number;
  readonly end: number;
  readonly serverId: string;
  /** Set when a tool is named; absent when the other server itself is. */
  readonly tool?: string;
}

// Words that turn a mention into an instruction about a tool ("call", "use … instead", "whenever").
const CUES = new Set([
  "tool", "tools", "function", "functions", "call", "calls", "calling", "called", "invoke", "invokes", "invoking", "invoked",
  "use", "uses", "using", "used", "run", "runs", "running", "execute", "executes", "instead", "whenever", "before", "after",
  "server", "servers", "plugin", "trigger", "triggers",
]);
const CUE_WINDOW = 4;
const MAX_GRAM = 4;
const TOKEN = /[\p{L}\p{N}\p{M}\p{Cf}_.\-]+/gu;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let start = match.index;
    let end = start + match[0].length;
    // Sentence punctuation and dashes at the edges are not part of a name.
    while (start < end && (text[start] === "." || text[start] === "-")) start += 1;
    while (end > start && (text[end - 1] === "." || text[end - 1] === "-")) end -= 1;
    if (end > start) tokens.push({ start, end, lower: text.slice(start, end).toLowerCase() });
  }
  return tokens;
}

function quoted(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return before !== undefined && before === after && (before === "`" || before === '"' || before === "'");
}

function cueNear(tokens: readonly Token[], first: number, last: number, text: string): boolean {
  if (quoted(text, tokens[first]!.start, tokens[last]!.end)) return true;
  for (let i = Math.max(0, first - CUE_WINDOW); i <= Math.min(tokens.length - 1, last + CUE_WINDOW); i += 1) {
    if ((i < first || i > last) && CUES.has(tokens[i]!.lower)) return true;
  }
  return false;
}

/** Tokens i..j are one phrase only when separated by nothing but a little whitespace. */
function adjacent(text: string, left: Token, right: Token): boolean {
  const gap = text.slice(left.end, right.start);
  return gap.length > 0 && gap.length <= 3 && /^\s+$/u.test(gap);
}

/**
 * Mentions, in `text`, of other servers' approved tools or of other servers. A multi-part tool name
 * (`send_email`, `sendEmail`) counts wherever it appears as one word; a plain word (`search`), a name
 * spelled as separate words (`send email`) and a server's id or display name count only next to a
 * word that makes it an instruction (call, use, invoke, tool, instead, whenever…) or in quotes or
 * backticks. Names that are also this server's own tools are ignored.
 */
export function findCrossReferences(text: string, index: NameIndex, ownSkeletons: ReadonlySet<string>): CrossReference[] {
  if (index.tools.size === 0 && index.servers.size === 0) return [];
  const tokens = tokenize(text);
  const found: CrossReference[] = [];
  const reported = new Set<string>();
  for (let i = 0; i < tokens.length; i += 1) {
    for (let j = i; j < Math.min(tokens.length, i + MAX_GRAM); j += 1) {
      if (j > i && !adjacent(text, tokens[j - 1]!, tokens[j]!)) break;
      const start = tokens[i]!.start;
      const end = tokens[j]!.end;
      const skeleton = nameSkeleton(text.slice(start, end));
      if (skeleton.length < 3 || ownSkeletons.has(skeleton)) continue;
      const single = i === j;
      for (const target of index.tools.get(skeleton) ?? []) {
        const key = `t|${target.serverId}|${target.name}`;
        if (reported.has(key)) continue;
        if ((single && target.distinctive) || cueNear(tokens, i, j, text)) {
          reported.add(key);
          found.push({ start, end, serverId: target.serverId, tool: target.name });
        }
      }
      for (const target of index.servers.get(skeleton) ?? []) {
        const key = `s|${target.serverId}`;
        if (reported.has(key) || !cueNear(tokens, i, j, text)) continue;
        reported.add(key);
        found.push({ start, end, serverId: target.serverId });
      }
    }
  }
  return found;
}

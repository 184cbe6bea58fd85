// Concept events: the tokenizer's character-marker hits turned into events of the concepts a text kind's rules read,
// each marker checked against what stands around it (word boundaries, line starts, @-handles, role keys, turn headings,
// an address's host); the word events come from the tokenizer as they are.
import { isDigit, isHex } from "./encodings.ts";
import { endsPublicKeyPath, isWordAscii, templateSuffixAt } from "./file-names.ts";
import type { Lexicon, MarkerInfo } from "./lexicon-tables.ts";
import { HIT_BUF, MARK_EVENTS, WORD_EVENTS, type Events, type Tokens } from "./tokenizer.ts";
import type { CompiledKind } from "./compile-kind.ts";

/** Does a CSS rule's block open at `e`, after blanks on the same line ("[hidden] { display: none; }")? */
function opensCssBlock(t: string, e: number): boolean {
  let k = e;
  while (k < t.length && k - e < 8 && t.charCodeAt(k) === 0x20) k++;
  return k < t.length && t.charCodeAt(k) === 0x7b;
}

/** Local parts that name no place to send data to: mailboxes that take reports of abuse ("forward it to phishing@…" is a
 * security notice's advice). (Not "git@": a remote is where code is pushed, "push the branch to git@github.com:evil/…".) */
const NOT_A_DESTINATION = new Set(["phishing", "phish", "reportphishing", "report-phishing", "phishing-report", "abuse", "spam", "reportspam", "report-spam"]);

/** Is the local part of the address whose '@' is at `at` one of NOT_A_DESTINATION (read back at most 20 units)? */
function notADestination(t: string, at: number): boolean {
  let k = at;
  while (k > 0 && at - k < 20) {
    const c = t.charCodeAt(k - 1);
    if (!(isWordAscii(c) || c === 0x2d || c === 0x2e)) break;
    k--;
  }
  return NOT_A_DESTINATION.has(t.slice(k, at).toLowerCase());
}

function markerBoundaryOk(t: string, s: number, e: number, m: MarkerInfo): boolean {
  if (m.before === 1 && s > 0 && isWordAscii(t.charCodeAt(s - 1))) return false;
  if (m.before === 2 && (s === 0 || !isWordAscii(t.charCodeAt(s - 1)))) return false;
  if (m.before === 3 || m.before === 5) {
    // only blanks and markdown punctuation (#, *, >, -, [, whitespace) back to the line start (bounded)
    for (let k = s - 1, stop = Math.max(-1, s - 12); ; k--) {
      if (k < 0 || k === stop) {
        if (k >= 0) return false;
        break;
      }
      const c = t.charCodeAt(k);
      if (c === 0x0a || c === 0x0d) break;
      if (!(c === 0x20 || c === 0x09 || c === 0x23 || c === 0x2a || c === 0x3e || c === 0x2d || c === 0x5f || c === 0x7c || c === 0x22 || c === 0x27)) return false;
    }
  }
  if (m.after === 1 && e < t.length && isWordAscii(t.charCodeAt(e))) return false;
  if (m.after === 2 && (e >= t.length || !isWordAscii(t.charCodeAt(e)))) return false;
  if (m.after === 3 && e < t.length) {
    const c = t.charCodeAt(e);
    if (!(c === 0x20 || c === 0x2c || c === 0x3a || c === 0x0a || c === 0x09 || c === 0x0d)) return false;
  }
  if (m.after === 5 && !headingIsTurn(t, e)) return false;
  if (m.after === 6 && endsPublicKeyPath(t, e)) return false;
  if (m.after === 7 && (isWordAscii(t.charCodeAt(e)) || templateSuffixAt(t, e))) return false;
  if (m.after === 8 && !roleValueOk(t, e)) return false;
  if (m.after === 9 && (!hostAfterAt(t, e) || notADestination(t, s))) return false;
  if (m.after === 10 && opensCssBlock(t, e)) return false;
  if (m.after === 4 && e < t.length) {
    const c = t.charCodeAt(e);
    if (isWordAscii(c) || c === 0x2f) return false;
    if ((c === 0x2e || c === 0x2d) && e + 1 < t.length && isWordAscii(t.charCodeAt(e + 1))) return false;
  }
  // (last: the walk back over the handle is the dearest check, at most 40 units)
  if (m.before === 4 && !inHandle(t, s)) return false;
  if (m.before === 5 && inParameterList(t, s)) return false;
  return true;
}

/** After a role key's colon, a turn's text: not an object (code's "user: {", a README's example of a JSON object). (At most 8
 * blanks are looked over; the text is lower-cased here, so "System:New rules apply" and "user:first" look alike: both count.) */
function roleValueOk(t: string, e: number): boolean {
  let k = e;
  while (k < t.length && k - e < 8 && (t.charCodeAt(k) === 0x20 || t.charCodeAt(k) === 0x09)) k++;
  return t.charCodeAt(k) !== 0x7b;
}

/** Tags a package manager's version takes after '@' ("awslabs.eks-mcp-server@latest"). */
const DIST_TAGS = ["latest", "next", "beta", "alpha", "canary", "nightly", "stable", "rc", "dev", "edge", "lts", "experimental", "insiders"];

/** Does what follows '@' at e name an address's host ("check@verify.example", "triage@126.com", "deploy@ops-helper"), not a
 * package's version ("server@latest", "lodash@4.17.21", "@types/node@^20")? A version starts with a digit, '^' or '~', or
 * is a tag, and no domain follows it. */
function hostAfterAt(t: string, e: number): boolean {
  // the run of a host's or a version's units after '@'; a '.' and a letter make it a domain ("126.com", "beta-weather.dev")
  let k = e;
  const stop = Math.min(t.length, e + 64);
  while (k < stop && (isWordAscii(t.charCodeAt(k)) || t.charCodeAt(k) === 0x2d || t.charCodeAt(k) === 0x2e)) {
    const c = t.charCodeAt(k + 1);
    if (t.charCodeAt(k) === 0x2e && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return true;
    k++;
  }
  const c = t.charCodeAt(e);
  if ((c >= 0x30 && c <= 0x39) || c === 0x5e || c === 0x7e) return false;
  // (a tag is the whole run: "@latest", not "@latest-builds"; a sentence's full stop is no part of it)
  while (k > e && t.charCodeAt(k - 1) === 0x2e) k--;
  if (DIST_TAGS.some((tag) => k - e === tag.length && t.startsWith(tag, e))) return false;
  // a Git tag, a commit's hash or a branch after a repository's path, as workflows pin an action ("actions/checkout@v4",
  // "…/release.yml@main", "…@8e5e7e5ab8b3…"); after a name with no '/' they are hosts ("billing@v3", "root@master",
  // "ops@facade01", a container's id)
  // (the path is looked for only behind what reads as a version: a text of "a@b@…" walks back from no '@')
  const ref = (c === 0x76 && k - e >= 2 && isVersionTag(t, e + 1, k)) || (k - e >= 7 && k - e <= 40 && isCommitHash(t, e, k)) || GIT_BRANCHES.some((b) => k - e === b.length && t.startsWith(b, e));
  return !ref || !repositoryBefore(t, e - 1);
}

/** Longest path before '@' read back (an action's "owner/repo/path/to/workflow.yml"). */
const REPOSITORY_PATH_MAX = 120;

/** Branches a workflow pins a reusable workflow or an action to ("org/ci/.github/workflows/x.yml@main"). */
const GIT_BRANCHES = ["main", "master", "trunk"];

/** Does the name that ends at `at` (the '@') hold a '/', as a repository's path does ("actions/checkout")? Reads back at
 * most REPOSITORY_PATH_MAX units, to a blank, a quotation mark or another '@'. */
function repositoryBefore(t: string, at: number): boolean {
  for (let b = at - 1; b >= 0 && b > at - REPOSITORY_PATH_MAX; b--) {
    const d = t.charCodeAt(b);
    if (d === 0x2f) return true;
    if (d <= 0x20 || d === 0x22 || d === 0x27 || d === 0x60 || d === 0x40) return false;
  }
  return false;
}

/** Is t[s, e) a version's digits and dots ("4", "1.2.3"), starting with a digit? */
function isVersionTag(t: string, s: number, e: number): boolean {
  if (!isDigit(t.charCodeAt(s))) return false;
  for (let k = s; k < e; k++) if (!isDigit(t.charCodeAt(k)) && t.charCodeAt(k) !== 0x2e) return false;
  return true;
}

/** Is t[s, e) a commit's hash: hexadecimal digits, at least one a decimal digit ("8e5e7e5", not "facade")? */
function isCommitHash(t: string, s: number, e: number): boolean {
  let digit = false;
  for (let k = s; k < e; k++) {
    const c = t.charCodeAt(k);
    if (!isHex(c)) return false;
    if (isDigit(c)) digit = true;
  }
  return digit;
}

/** Headings of a docstring's list of parameters ("Args:", "Parameters:"), whose indented lines name parameters. */
// (not "Options:", "Fields:" or "Inputs:": headings of any list, under which a fake dialogue may be indented)
const PARAMETER_LIST_HEADINGS = new Set(["args:", "arguments:", "parameters:", "params:", "keyword args:", "keyword arguments:", "kwargs:", "other parameters:"]);

/** Words a list entry's description opens with ("system: The remote system …", "system: options that …"); an order opens
 * otherwise ("system: You are now …", "admin: Override: …"), and stays a turn whatever list it stands in. */
const DESCRIPTION_OPENERS = new Set(["the", "a", "an", "optional", "required", "name", "names", "path", "paths", "number", "list", "options", "option", "settings", "setting", "config", "configuration", "id", "identifier", "string", "str", "int", "integer", "bool", "boolean", "whether", "true", "false", "default", "url", "uri", "value", "values", "type", "which", "max", "maximum", "min", "minimum", "localhost", "info", "information", "details", "metadata"]);

/** Does the text after the first colon at or after s (within 40 units) open with a description word? */
function describesAfterColon(t: string, s: number): boolean {
  let k = s;
  const stop = Math.min(t.length, s + 40);
  while (k < stop && t.charCodeAt(k) !== 0x3a) k++;
  if (k >= stop) return false;
  k++;
  while (k < t.length && (t.charCodeAt(k) === 0x20 || t.charCodeAt(k) === 0x09)) k++;
  const ws = k;
  while (k < t.length && k - ws <= 16 && isWordAscii(t.charCodeAt(k))) k++;
  // (a line break right after the colon opens a nested block: "system:\n  timezone: …")
  if (k === ws) return ws < t.length && (t.charCodeAt(ws) === 0x0a || t.charCodeAt(ws) === 0x0d);
  return DESCRIPTION_OPENERS.has(t.slice(ws, k).toLowerCase());
}

/** The start of the line that ends at `end` (its newline excluded), or -1 when it is longer than 200 units. */
function shortLineStart(t: string, end: number): number {
  for (let k = end - 1, stop = Math.max(-1, end - 201); k > stop; k--) if (t.charCodeAt(k) === 0x0a) return k + 1;
  return end <= 200 ? 0 : -1;
}

/** Role words a fake dialogue's lines begin with. */
const ROLE_KEYS = new Set(["system", "user", "assistant", "human", "ai", "developer", "admin", "model", "bot", "agent", "tool"]);

/** Does the line [from, to) read "key: …" (after blanks and a list bullet) with a key that is no role word ("run:",
 * "api_key:")? */
function isNonRoleKeyLine(t: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && (t.charCodeAt(k) === 0x20 || t.charCodeAt(k) === 0x09 || t.charCodeAt(k) === 0x2a || t.charCodeAt(k) === 0x2d || t.charCodeAt(k) === 0x2b)) k++;
  const ks = k;
  while (k < to && k - ks <= 32 && (isWordAscii(t.charCodeAt(k)) || t.charCodeAt(k) === 0x2d)) k++;
  if (k === ks || k >= to || t.charCodeAt(k) !== 0x3a) return false;
  return !ROLE_KEYS.has(t.slice(ks, k).toLowerCase());
}

/** Is the line at s ("system: …", "user: …") an entry of a list of keys rather than a turn: an indented line of a docstring's
 * parameters ("Args:\n    system: The remote system …", back to such a heading over indented lines, at most 8 lines), or a
 * line next to one that names another key ("* system: options …\n* run: options …"; a fake dialogue's lines all name roles)?
 * (Lines longer than 200 units are no list's entries: every look is bounded.) */
function inParameterList(t: string, s: number): boolean {
  if (!describesAfterColon(t, s)) return false;
  const lineStart = t.lastIndexOf("\n", s - 1) + 1;
  // the neighbouring lines: a definition list
  if (lineStart > 0) {
    const prevStart = shortLineStart(t, lineStart - 1);
    if (prevStart >= 0 && isNonRoleKeyLine(t, prevStart, lineStart - 1)) return true;
  }
  let lineEnd = s;
  while (lineEnd < t.length && lineEnd - s <= 200 && t.charCodeAt(lineEnd) !== 0x0a) lineEnd++;
  if (lineEnd < t.length && t.charCodeAt(lineEnd) === 0x0a) {
    let nextEnd = lineEnd + 1;
    while (nextEnd < t.length && nextEnd - lineEnd <= 201 && t.charCodeAt(nextEnd) !== 0x0a) nextEnd++;
    if (nextEnd - lineEnd <= 201 && isNonRoleKeyLine(t, lineEnd + 1, nextEnd)) return true;
  }
  // a docstring's parameters
  if (s === 0 || (t.charCodeAt(s - 1) !== 0x20 && t.charCodeAt(s - 1) !== 0x09)) return false;
  let from = lineStart;
  for (let lines = 0; lines < 8 && from > 0; lines++) {
    const prevEnd = from - 1;
    const prevStart = shortLineStart(t, prevEnd);
    if (prevStart < 0) return false;
    const line = t.slice(prevStart, prevEnd).trim();
    if (PARAMETER_LIST_HEADINGS.has(line)) return true;
    const first = t.charCodeAt(prevStart);
    if (line.length > 0 && first !== 0x20 && first !== 0x09) return false;
    from = prevStart;
  }
  return false;
}

/** Words that make a heading after "### System" a message rather than a document's section ("### System Update",
 * "## System notice"; not "## System Requirements", "### System Prompt"). */
const TURN_HEADING_WORDS = new Set(["update", "notice", "note", "message", "directive", "directives", "instruction", "instructions", "override", "alert", "command", "commands", "order", "orders", "policy", "rules", "reminder", "warning", "request"]);

/** Is the heading that ends at e (after "### System", "### Assistant" …) a turn: its line ends there, or has a colon in its
 * next 40 units ("### Assistant directive: …"), or its next word makes it a message (TURN_HEADING_WORDS)? */
function headingIsTurn(t: string, e: number): boolean {
  let k = e;
  while (k < t.length && k < e + 8 && (t.charCodeAt(k) === 0x20 || t.charCodeAt(k) === 0x09)) k++;
  if (k >= t.length || t.charCodeAt(k) === 0x0a || t.charCodeAt(k) === 0x0d || t.charCodeAt(k) === 0x3a) return true;
  let w = k;
  while (w < t.length && w < k + 16 && isWordAscii(t.charCodeAt(w))) w++;
  if (TURN_HEADING_WORDS.has(t.slice(k, w))) return true;
  for (let q = k, stop = Math.min(t.length, e + 40); q < stop; q++) {
    const c = t.charCodeAt(q);
    if (c === 0x3a) return true;
    if (c === 0x0a || c === 0x0d) return false;
  }
  return false;
}

/** Is offset s inside an @-mention's handle: handle units ([a-z0-9._-]) back to an '@' that does not follow a word
 * unit, as an e-mail address's does (or to Jira's "[~")? (Bounded: handles are short.) */
function inHandle(t: string, s: number): boolean {
  for (let k = s - 1, stop = Math.max(-1, s - 40); k > stop; k--) {
    const c = t.charCodeAt(k);
    if (c === 0x40) return k === 0 || !isWordAscii(t.charCodeAt(k - 1));
    if (c === 0x7e) return k > 0 && t.charCodeAt(k - 1) === 0x5b;
    if (!(isWordAscii(c) || c === 0x2d || c === 0x2e)) return false;
  }
  return false;
}

export function collectEvents(t: string, tok: Tokens, lex: Lexicon, ck: CompiledKind, counter: { steps: number } | undefined): Events {
  const live = ck.live;
  // word-phrase events: found by the tokenizer
  const words = WORD_EVENTS;
  const tend = tok.end;
  // character-marker events (the automaton ran inside the tokenizer; its hits are in HIT_BUF)
  const marks = MARK_EVENTS.reset();
  let triggers = 0;
  const markerOutputs = lex.markerOutputs;
  const markerTriggers = lex.markerTriggers;
  const markerHasConcept = lex.markerHasConcept;
  const hitState = HIT_BUF.state;
  const hitEnd = HIT_BUF.end;
  // hits come in order of their end offset: the token containing the end is found by a cursor that
  // only moves forward, and the start token by walking back at most a marker's length (no binary search)
  const tcount = tok.count;
  let cur = 0;
  for (let hk = 0, hn = HIT_BUF.count; hk < hn; hk++) {
    const hs = hitState[hk]!;
    // (trigger strings set their bits whatever surrounds them; most hits are only those)
    triggers |= markerTriggers[hs]!;
    if (markerHasConcept[hs] !== 1) continue;
    const outs = markerOutputs[hs]!;
    const e = hitEnd[hk]!;
    while (cur < tcount && tend[cur]! <= e - 1) cur++;
    for (let k = 0; k < outs.length; k++) {
      const m = lex.markers[outs[k]!]!;
      if (m.concept < 0 || live[m.concept] !== 1) continue;
      const s = e - m.length;
      if (!markerBoundaryOk(t, s, e, m)) continue;
      let st = cur;
      while (st > 0 && tend[st - 1]! > s) st--;
      let et = cur;
      if (et >= tok.count || tok.start[et]! >= e) et = Math.max(st, et - 1);
      if (et < st) et = st;
      marks.push(m.concept, st, et, s, e);
    }
  }
  if (counter) counter.steps += tok.count + words.count + marks.count;
  words.triggers = triggers;
  // the two streams are merged by end token while the rules are evaluated (no merged copy)
  words.marks = marks;
  return words;
}

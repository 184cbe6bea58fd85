// Changelogs and release notes. Their entries describe changes in the words of tasks ("Determine the week start from the
// locale ([#2868](https://github.com/moment/moment/pull/2868))", "Convert header names to lower case"), and cite the pull
// request, issue or commit they came from: a rule that reads such words as a task for the model (Rule.describesInCode) is
// lowered on an entry whose only links are such citations.
import { eachHeadLine, LINE_REACH, lineStartWithin, namesAddress, pointsAtDestination, speaksToReader } from "./reader-address.ts";

/** Lines looked at to judge a text, and a line's units looked at. */
const LINES_MAX = 400;
const LINE_MAX = 2000;

const CODE_HOSTS = ["https://github.com/", "https://gitlab.com/", "https://bitbucket.org/", "http://github.com/"];
const CITED = ["/pull/", "/pulls/", "/issues/", "/commit/", "/commits/", "/compare/", "/releases/", "/merge_requests/", "/-/merge_requests/", "/-/issues/", "/-/commit/"];

/** The end of a URL starting at `at` (a blank, a closing bracket or a quotation mark ends it). */
function urlEnd(line: string, at: number): number {
  let q = at;
  while (q < line.length) {
    const c = line.charCodeAt(q);
    if (c <= 0x20 || c === 0x29 || c === 0x5d || c === 0x3e || c === 0x22 || c === 0x27) break;
    q++;
  }
  return q;
}

/** Whether a URL cites a change: a pull request, an issue, a commit, a comparison or a release on a code host. */
function citesChange(url: string): boolean {
  // (not a form to fill: "…/issues/new?body=…" is a way to post data)
  return CODE_HOSTS.some((h) => url.startsWith(h)) && CITED.some((p) => url.includes(p)) && !url.includes("?") && !url.includes("/new");
}

/** The line with its citations blanked out, or null when it holds a URL that cites nothing. */
function withoutCitations(line: string): { rest: string; cites: number } | null {
  let rest = "";
  let cites = 0;
  let from = 0;
  for (let at = line.indexOf("http", from); at >= 0; at = line.indexOf("http", from)) {
    const e = urlEnd(line, at);
    const url = line.slice(at, e);
    if (url.includes("://")) {
      if (!citesChange(url)) return null;
      cites++;
      rest += line.slice(from, at) + " ";
    } else rest += line.slice(from, e);
    from = e;
  }
  return { rest: rest + line.slice(from), cites };
}

/** Whether a line heads a release: "## 2.11.0", "## [4.1.2] - 2024-05-01", "v1.0.1 / 2013-08-07", "1.0.0 (2021-02-03)". */
function isVersionHeading(line: string): boolean {
  let k = 0;
  while (k < line.length && (line.charCodeAt(k) === 0x23 || line.charCodeAt(k) === 0x20 || line.charCodeAt(k) === 0x5b)) k++; // '#', ' ', '['
  if (line.charCodeAt(k) === 0x76) k++; // 'v'
  let dots = 0;
  const from = k;
  while (k < line.length && k - from < 24) {
    const c = line.charCodeAt(k);
    if (c === 0x2e) dots++;
    else if (c < 0x30 || c > 0x39) break;
    k++;
  }
  // digits with two dots, then the line's end, a bracket, or a date after " / ", " - ", " (" ("2.1.1 Overview" numbers a section)
  if (dots !== 2 || k <= from + 4) return false;
  const rest = line.slice(k, k + 4);
  return k === line.length || rest.startsWith("]") || rest.startsWith(" / ") || rest.startsWith(" - ") || rest.startsWith(" (");
}

/** Whether a text is a changelog: at least three of its lines (among the first LINES_MAX) cite a change, or two head releases. */
export function isChangelog(text: string): boolean {
  let citing = 0;
  let versions = 0;
  eachHeadLine(text, LINES_MAX, LINE_MAX, (line) => {
    if (isVersionHeading(line.trim())) versions++;
    const w = line.includes("://") ? withoutCitations(line) : null;
    if (w !== null && w.cites > 0) citing++;
    return citing >= 3 || versions >= 2;
  });
  return citing >= 3 || versions >= 2;
}

/**
 * Whether a match [start, end) lies on a changelog's entry: the lines it runs over cite a change or make a list's item, link
 * nowhere but to the changes they cite, name no other address, point at no destination and do not speak to the reader.
 */
export function onChangelogEntry(text: string, start: number, end: number): boolean {
  const lineStart = lineStartWithin(text, start, LINE_REACH);
  if (lineStart < 0) return false;
  let lineEnd = end;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a) {
    if (lineEnd - end >= LINE_MAX) return false;
    lineEnd++;
  }
  if (lineEnd - lineStart > 2 * LINE_MAX) return false;
  const lines = text.slice(lineStart, lineEnd);
  const w = withoutCitations(lines);
  // (an entry: it cites a change, or is a list's item — "Thanks! Send …" under three issue links is no entry)
  const item = ["- ", "* ", "+ "].some((b) => lines.trimStart().startsWith(b));
  return w !== null && (w.cites > 0 || item) && !namesAddress(w.rest) && !pointsAtDestination(w.rest) && !speaksToReader(w.rest);
}

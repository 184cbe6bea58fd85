// Text a user pastes into a prompt (a GitHub issue after a "---", a build log in a fenced block): third-party content the
// user asks about, not the user's own words. The engine screens it again as a document for the rules a prompt does not run
// (notes to the AI, orders hidden in data, exfiltration); the user is no attacker, so those findings are capped at medium.

/** A pasted region of a prompt: [start, end) in the prompt's text. */
export interface PastedRegion {
  start: number;
  end: number;
}

/** Least length of a pasted region worth reading as a document. */
const MIN_PASTED = 40;
/** Most regions read per prompt. */
const MAX_REGIONS = 4;

/**
 * The pasted regions of a prompt: what follows a line of three or more dashes, and the content of fenced code blocks, when
 * the user wrote something of their own before it (the request about the paste). One pass over the text.
 */
export function pastedRegions(text: string): PastedRegion[] {
  const out: PastedRegion[] = [];
  const n = text.length;
  let ls = 0;
  let fenceOpen = -1;
  let ownBefore = false;
  while (ls < n && out.length < MAX_REGIONS) {
    let le = text.indexOf("\n", ls);
    if (le < 0) le = n;
    let a = ls;
    while (a < le && (text.charCodeAt(a) === 0x20 || text.charCodeAt(a) === 0x09)) a++;
    let b = le;
    while (b > a && (text.charCodeAt(b - 1) === 0x20 || text.charCodeAt(b - 1) === 0x0d || text.charCodeAt(b - 1) === 0x09)) b--;
    if (text.startsWith("```", a)) {
      if (fenceOpen < 0) fenceOpen = le + 1;
      else {
        if (ownBefore && a - fenceOpen >= MIN_PASTED) out.push({ start: fenceOpen, end: a });
        fenceOpen = -1;
      }
    } else if (fenceOpen < 0) {
      if (b - a >= 3 && dashesOnly(text, a, b)) {
        if (ownBefore && n - (le + 1) >= MIN_PASTED) {
          out.push({ start: Math.min(n, le + 1), end: n });
          break;
        }
      } else if (b > a) ownBefore = true;
    }
    ls = le + 1;
  }
  return out;
}

function dashesOnly(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (text.charCodeAt(k) !== 0x2d) return false;
  return true;
}

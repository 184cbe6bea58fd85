// What a file name or path says of the file, read from where a marker for it ends: a public key ("~/.ssh/id_ed25519.pub"),
// a settings file's template (".env.example"). Bounded reads, no regular expressions: these run on caller input.

/** An ASCII letter, digit or '_': a unit of a word as file names and markers read it. */
export const isWordAscii = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || (c >= 0x41 && c <= 0x5a);

/** Units of a file path after a key file's marker ("/id_ed25519.pub"; '\\' as Windows writes it). */
const isPathUnit = (c: number): boolean => isWordAscii(c) || c === 0x2e || c === 0x2f || c === 0x2d || c === 0x5c;

/** Units that make a shell or template rewrite a path ("cat ${f%.pub}", "`…`"): no path just before them is taken as it
 * reads. */
const isPathRewrite = (c: number): boolean => c === 0x24 || c === 0x25 || c === 0x7b || c === 0x60;

/** Does the path that runs on from e end in ".pub", a public key? Reads at most 48 units of path past e and 16 after it;
 * a longer path, one that climbs ("id_rsa.pub/../id_rsa", "github.pub\\..\\github") or one followed by a shell rewrite
 * ("f=~/.ssh/id_ed25519.pub; cat ${f%.pub}") is read as the key it may name. */
export function endsPublicKeyPath(t: string, e: number): boolean {
  let k = e;
  const stop = Math.min(t.length, e + 48);
  while (k < stop && isPathUnit(t.charCodeAt(k))) {
    if (t.charCodeAt(k) === 0x2e && t.charCodeAt(k + 1) === 0x2e) return false;
    k++;
  }
  if (k === stop && k < t.length && isPathUnit(t.charCodeAt(k))) return false;
  for (let q = k, qe = Math.min(t.length, k + 16); q < qe; q++) if (isPathRewrite(t.charCodeAt(q))) return false;
  // (a sentence's full stop after the path is no part of it)
  while (k > e && t.charCodeAt(k - 1) === 0x2e) k--;
  return k - e >= 4 && t.startsWith(".pub", k - 4);
}

/** Suffixes of a settings file's template, which holds names and placeholders, no secrets (".env.example"). */
const TEMPLATE_SUFFIXES = new Set(["example", "sample", "template", "tmpl", "tpl", "dist", "defaults", "default", "skel", "schema"]);

/** Does the name go on at e in segments ('.', '-' or '_' and letters, at most 3) of which the last is a template's suffix
 * (".env.example", ".env-example", ".env.local.example"; not ".env.example.local", a local copy with its secrets)? Reads at
 * most 36 units. */
export function templateSuffixAt(t: string, e: number): boolean {
  const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  let k = e;
  let last = "";
  for (let seg = 0; seg < 3; seg++) {
    const sep = t.charCodeAt(k);
    if ((sep !== 0x2e && sep !== 0x2d && sep !== 0x5f) || !isLetter(t.charCodeAt(k + 1))) break;
    let q = k + 1;
    while (q < t.length && q <= k + 11 && isLetter(t.charCodeAt(q))) q++;
    last = t.slice(k + 1, q).toLowerCase();
    k = q;
  }
  const c = t.charCodeAt(k);
  // (the name ends there: no letter, digit or '_' goes on)
  if (isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f) return false;
  return TEMPLATE_SUFFIXES.has(last);
}

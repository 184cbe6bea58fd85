// Hidden HTML / Markdown content: regions of the (normalized, lower-cased) text that a user does
// not see when the content is rendered but a model reads. One left-to-right pass with an explicit
// element stack of bounded depth: O(n) however deeply the markup nests.
//
//  - HTML comments <!-- … -->
//  - elements hidden by style or attribute: display:none, visibility:hidden, font-size:0,
//    opacity:0, off-screen positioning, zero width/height with overflow hidden, the `hidden` attribute
//  - alt / title attribute values, Markdown image alt text ![alt](…), Markdown comments [//]: # (…)

/** How a region hides its text: a comment, a hidden element, alt text (or a title), a Markdown comment. */
export const HOW_COMMENT = 0;
export const HOW_HIDDEN_ELEMENT = 1;
export const HOW_ALT_TEXT = 2;
export const HOW_MARKDOWN_COMMENT = 3;

/** Hidden regions as parallel arrays, in the order found: no object per region (a long text can hold a million). */
export class HiddenRegions {
  count = 0;
  start = new Int32Array(4);
  end = new Int32Array(4);
  how = new Uint8Array(4);
  push(start: number, end: number, how: number): void {
    if (this.count === this.start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      this.start = grow(this.start, new Int32Array(this.count * 2));
      this.end = grow(this.end, new Int32Array(this.count * 2));
      this.how = grow(this.how, new Uint8Array(this.count * 2));
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.how[this.count++] = how;
  }
}

const MAX_DEPTH = 256;
const MAX_TAG = 2048;

/** Elements with no content (and no closing tag), by length of name. */
const VOID_ELEMENTS: readonly (readonly string[])[] = [[], [], ["br", "hr"], ["col", "img", "wbr"], ["area", "base", "link", "meta"], ["embed", "input", "param", "track", "image"], ["source"]];

/** Is the name at t[ns, ne) a void element's? (Compared in place: no string per tag.) */
function isVoidAt(t: string, ns: number, ne: number): boolean {
  const names = VOID_ELEMENTS[ne - ns];
  if (names === undefined) return false;
  for (const v of names) if (t.startsWith(v, ns)) return true;
  return false;
}

/** Are t[a, a + len) and t[b, b + len) the same units? */
function sameUnits(t: string, a: number, b: number, len: number): boolean {
  for (let q = 0; q < len; q++) if (t.charCodeAt(a + q) !== t.charCodeAt(b + q)) return false;
  return true;
}

/** The tag without blanks and CSS comments (a comment between "display:" and "none" still hides). */
function compactStyle(tag: string, dropComments: boolean): string {
  let out = "";
  for (let k = 0; k < tag.length; k++) {
    const c = tag.charCodeAt(k);
    if (dropComments && c === 0x2f && tag.charCodeAt(k + 1) === 0x2a) {
      const e = tag.indexOf("*/", k + 2);
      if (e >= 0) {
        k = e + 1;
        continue;
      }
    }
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) out += tag[k];
  }
  return out;
}

// (No element hides its content by its name alone: <template> and <noscript> hold a page's UI strings, "You have
// unsaved changes …", "Please enable JavaScript".)

/** Has t[s, e) a ':'? */
function hasColon(t: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (t.charCodeAt(k) === 0x3a) return true;
  return false;
}

function hidesContent(tagText: string): boolean {
  // every style test below needs a ':' (display:none, font-size:0, …); only the `hidden` attribute does not
  if (tagText.indexOf(":") < 0) return hasHiddenAttribute(tagText) || (tagText.startsWith("<font") && whiteOnWhite(compactStyle(tagText, false)));
  // read with CSS comments and without them: a comment that spans attributes must not hide a display:none
  const plain = compactStyle(tagText, false);
  return styleHides(plain) || (tagText.includes("/*") && styleHides(compactStyle(tagText, true))) || hasHiddenAttribute(tagText);
}

function styleHides(t: string): boolean {
  if (t.includes("display:none") || t.includes("visibility:hidden") || t.includes("visibility:collapse") || nearlyTransparent(t)) return true;
  if (scaledAway(t) || t.includes("clip-path:inset(50%)") || t.includes("clip-path:inset(100%)") || t.includes("clip-path:circle(0)") || t.includes("clip-path:circle(0px)")) return true;
  if (farOffscreen(t)) return true;
  if (t.includes("content-visibility:hidden")) return true;
  const fs = t.indexOf("font-size:0");
  if (fs >= 0) {
    const next = t.charCodeAt(fs + 11);
    if (!(next >= 0x31 && next <= 0x39) && next !== 0x2e) return true; // not font-size:0.8em / 01
  }
  if (t.includes("font-size:0.0") || t.includes("font-size:0.1") || tinyFont(t)) return true;
  if (t.includes("left:-9") || t.includes("top:-9") || t.includes("text-indent:-9") || t.includes("left:-1000") || t.includes("clip:rect(0")) return true;
  if ((t.includes("height:0") || t.includes("width:0") || t.includes("max-height:0") || propertyIs(t, "height", "1px") || propertyIs(t, "width", "1px")) && t.includes("overflow:hidden")) return true;
  if (t.includes("color:transparent")) return true;
  return whiteOnWhite(t);
}

/** Does some declaration of the property (not "border-width" for "width") have exactly this value? */
function propertyIs(t: string, name: string, value: string): boolean {
  for (let k = t.indexOf(name + ":"); k >= 0; k = t.indexOf(name + ":", k + 1)) {
    if (!startsDeclaration(t, k)) continue;
    const at = k + name.length + 1;
    const after = t.charCodeAt(at + value.length);
    if (t.startsWith(value, at) && !(after >= 0x30 && after <= 0x39) && after !== 0x2e) return true;
  }
  return false;
}

/** transform: scale(s) with s at most 0.05 (scale(0), scale(0,0), scale(.01)); not scale(0.98). */
function scaledAway(t: string): boolean {
  for (let k = t.indexOf("scale("); k >= 0; k = t.indexOf("scale(", k + 6)) {
    const v = numberAt(t, k + 6);
    if (v <= 0.05) return true;
  }
  return false;
}

/** A number at `at` of a compacted tag ("0", ".05", "0.0"), or NaN; `end` gets where it stops. */
function numberAt(t: string, at: number, end?: { at: number }): number {
  let k = at;
  while (k < t.length && k - at < 12) {
    const c = t.charCodeAt(k);
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e) k++;
    else break;
  }
  if (end) end.at = k;
  return k === at ? Number.NaN : Number(t.slice(at, k));
}

/** Some opacity declaration of at most 0.05 (or 5%): text no one can see (any of them: "opacity:1;opacity:0" hides). */
function nearlyTransparent(t: string): boolean {
  for (let k = t.indexOf("opacity:"); k >= 0; k = t.indexOf("opacity:", k + 8)) {
    const end = { at: 0 };
    const v = numberAt(t, k + 8, end);
    if (t.charCodeAt(end.at) === 0x25 ? v <= 5 : v <= 0.05) return true;
  }
  return false;
}

/** Pushed a thousand pixels or more off the page (left, top, right, text-indent, margin-left), or a full screen. */
function farOffscreen(t: string): boolean {
  for (const name of ["left", "top", "right", "text-indent", "margin-left", "margin-top"]) {
    const at = propertyValue(t, name);
    if (at < 0 || t.charCodeAt(at) !== 0x2d) continue;
    const end = { at: 0 };
    const v = numberAt(t, at + 1, end);
    const unit = t.slice(end.at, end.at + 2);
    if ((unit === "px" || unit === "pt") && v >= 1000) return true;
    if ((unit === "em" || unit === "vw" || unit === "vh") && v >= 60) return true;
  }
  return false;
}

/** Where the value of a CSS property starts in a compacted tag (-1: absent). `color` does not match
 * `background-color`: the name must follow a quote, ';', '{' or the space-free "style=". */
function propertyValue(t: string, name: string): number {
  for (let k = t.indexOf(name + ":"); k >= 0; k = t.indexOf(name + ":", k + 1)) if (startsDeclaration(t, k)) return k + name.length + 1;
  return -1;
}

/** Does a property name at k start a declaration (after a quote, ';', '{' or "style=")? */
function startsDeclaration(t: string, k: number): boolean {
  const before = t.charCodeAt(k - 1);
  return before === 0x22 || before === 0x27 || before === 0x3b || before === 0x7b || before === 0x3d;
}

/** font-size of at most 2px/2pt or 0.2em/rem: text no one can read. */
function tinyFont(t: string): boolean {
  const at = propertyValue(t, "font-size");
  if (at < 0) return false;
  let k = at;
  let whole = 0;
  let digits = 0;
  while (k < t.length && t.charCodeAt(k) >= 0x30 && t.charCodeAt(k) <= 0x39 && digits < 6) {
    whole = whole * 10 + (t.charCodeAt(k) - 0x30);
    k++;
    digits++;
  }
  let tenths = 0;
  if (t.charCodeAt(k) === 0x2e) {
    k++;
    if (t.charCodeAt(k) >= 0x30 && t.charCodeAt(k) <= 0x39) tenths = t.charCodeAt(k) - 0x30;
    while (k < t.length && t.charCodeAt(k) >= 0x30 && t.charCodeAt(k) <= 0x39) k++;
  } else if (digits === 0) return false;
  const size = whole + tenths / 10;
  if (t.startsWith("px", k) || t.startsWith("pt", k)) return size <= 2;
  if (t.startsWith("em", k) || t.startsWith("rem", k) || t.startsWith("%", k)) return t.charCodeAt(k) === 0x25 ? size <= 20 : size <= 0.2;
  return false;
}

const WHITE = ["#fff", "#ffffff", "white", "rgb(255,255,255)", "#fefefe", "#fdfdfd", "#fffffe", "#ffffffff", "#ffff", "rgba(255,255,255", "hsl(0,0%,100%", "hsla(0,0%,100%"];
const isWhiteAt = (t: string, at: number): boolean => WHITE.some((w) => t.startsWith(w, at) && !isHexDigit(t.charCodeAt(at + w.length)));
/** Colours with no alpha: invisible on any background. */
const CLEAR = ["transparent", "rgba(0,0,0,0)", "#0000", "#00000000", "hsla(0,0%,0%,0)"];
const isHexDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);

/** White text with no background of its own, or on a white one: invisible on the white page most
 * text is read on (a white-on-dark banner names its dark background). */
function whiteOnWhite(t: string): boolean {
  let color = propertyValue(t, "color");
  // <font color=white> / <font color="#fff">
  if (color < 0 && t.startsWith("<font")) {
    const k = t.indexOf("color=");
    if (k >= 0) color = k + 6 + (t.charCodeAt(k + 6) === 0x22 || t.charCodeAt(k + 6) === 0x27 ? 1 : 0);
  }
  if (color < 0) return false;
  if (CLEAR.some((c) => t.startsWith(c, color) && !isHexDigit(t.charCodeAt(color + c.length)))) return true;
  if (!isWhiteAt(t, color)) return false;
  const bg = Math.max(propertyValue(t, "background"), propertyValue(t, "background-color"));
  return bg < 0 || isWhiteAt(t, bg);
}

/** The boolean `hidden` attribute (not aria-hidden, not type=hidden inputs which are void anyway). */
function hasHiddenAttribute(tagText: string): boolean {
  let k = tagText.indexOf("hidden");
  while (k >= 0) {
    const before = tagText.charCodeAt(k - 1);
    const after = tagText.charCodeAt(k + 6);
    const beforeOk = before === 0x20 || before === 0x09 || before === 0x0a;
    const afterOk = Number.isNaN(after) || after === 0x20 || after === 0x3e || after === 0x3d || after === 0x2f || after === 0x09 || after === 0x0a;
    if (beforeOk && afterOk) return true;
    k = tagText.indexOf("hidden", k + 6);
  }
  return false;
}

/** Values of the attribute whose name with its '=' is `nameEq` ("alt="), as alt-text regions. */
function attributeValues(tagText: string, tagStart: number, nameEq: string, out: HiddenRegions): void {
  let k = tagText.indexOf(nameEq);
  while (k >= 0) {
    const before = tagText.charCodeAt(k - 1);
    if (before === 0x20 || before === 0x09 || before === 0x0a) {
      const q = tagText.charCodeAt(k + nameEq.length);
      if (q === 0x22 || q === 0x27) {
        const vs = k + nameEq.length + 1;
        const ve = tagText.indexOf(q === 0x22 ? '"' : "'", vs);
        if (ve > vs) out.push(tagStart + vs, tagStart + ve, HOW_ALT_TEXT);
      }
    }
    k = tagText.indexOf(nameEq, k + nameEq.length);
  }
}

const isNameChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;

/** Regions (offsets into `t`, the normalized text) whose content is hidden when rendered. */
/** The open elements of the pass: where the name starts and its length, hidden or not, where the content starts (parallel
 * arrays, no object nor string per element; reused between calls: the pass calls nothing that screens). */
const STACK = { name: new Int32Array(MAX_DEPTH), nameLength: new Uint8Array(MAX_DEPTH), hidden: new Uint8Array(MAX_DEPTH), content: new Int32Array(MAX_DEPTH) };

/** The result for a text with no markup at all (never written to). */
const NO_REGIONS = new HiddenRegions();

export function findHiddenRegions(t: string, counter?: { steps: number }): HiddenRegions {
  const n = t.length;
  if (t.indexOf("<") < 0 && t.indexOf("](") < 0 && t.indexOf("[//]") < 0) return NO_REGIONS;
  const out = new HiddenRegions();
  if (counter) counter.steps += n;
  const { name: stackName, nameLength: stackNameLength, hidden: stackHidden, content: stackContent } = STACK;
  let depth = 0;
  let i = t.indexOf("<");
  while (i >= 0 && i < n) {
    if (t.startsWith("<!--", i)) {
      const e = t.indexOf("-->", i + 4);
      const end = e < 0 ? n : e;
      out.push(i + 4, end, HOW_COMMENT);
      i = t.indexOf("<", e < 0 ? n : e + 3);
      continue;
    }
    const c1 = t.charCodeAt(i + 1);
    const closing = c1 === 0x2f;
    const ns = closing ? i + 2 : i + 1;
    let ne = ns;
    while (ne < n && ne - ns < 64 && isNameChar(t.charCodeAt(ne))) ne++;
    const first = t.charCodeAt(ns);
    if (ne === ns || !(first >= 0x61 && first <= 0x7a)) {
      i = t.indexOf("<", i + 1);
      continue;
    }
    // find the end of the tag, bounded (an unterminated '<' does not make us rescan)
    let te = ne;
    const lim = Math.min(n, ne + MAX_TAG);
    let quote = 0;
    while (te < lim) {
      const c = t.charCodeAt(te);
      if (c === 0x3c) break; // never scan past the next '<' (keeps the pass linear)
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
      te++;
    }
    if (te >= lim || t.charCodeAt(te) !== 0x3e) {
      i = t.indexOf("<", ne);
      continue;
    }
    // (a tag that is only its name, "<b>" or "</b>", has nothing to hide nor attributes to read: no copy of it is made)
    const bare = te === ne && !hasColon(t, ns, ne);
    const tagText = closing || bare ? "" : t.slice(i, te + 1);
    if (closing) {
      // pop to the matching element (each element is popped once: amortized O(1))
      let k = depth - 1;
      const floor = Math.max(0, depth - 64);
      while (k >= floor && !(stackNameLength[k] === ne - ns && sameUnits(t, stackName[k]!, ns, ne - ns))) k--;
      if (k >= floor) {
        while (depth > k) {
          depth--;
          if (stackHidden[depth] === 1) out.push(stackContent[depth]!, i, HOW_HIDDEN_ELEMENT);
        }
      }
    } else {
      if (!bare) {
        attributeValues(tagText, i, "alt=", out);
        attributeValues(tagText, i, "title=", out);
        attributeValues(tagText, i, "aria-label=", out);
      }
      const selfClosing = t.charCodeAt(te - 1) === 0x2f;
      if (!isVoidAt(t, ns, ne) && !selfClosing) {
        const hidden = !bare && hidesContent(tagText);
        if (depth < MAX_DEPTH) {
          stackName[depth] = ns;
          stackNameLength[depth] = ne - ns;
          stackHidden[depth] = hidden ? 1 : 0;
          stackContent[depth] = te + 1;
          depth++;
        } else if (hidden) {
          // too deep to track: treat the rest of the text as hidden
          out.push(te + 1, n, HOW_HIDDEN_ELEMENT);
        }
      }
    }
    i = t.indexOf("<", te + 1);
  }
  // unclosed hidden elements run to the end of the text
  for (let k = 0; k < depth; k++) if (stackHidden[k] === 1) out.push(stackContent[k]!, n, HOW_HIDDEN_ELEMENT);

  // Markdown: image alt text ![alt](…) and comments [//]: # (…). The next "](" and the next newline
  // are cached so that many "![" before one "](" do not rescan the text.
  let nextClose = -2;
  let nextNl = -2;
  let j = t.indexOf("![");
  while (j >= 0) {
    if (nextClose !== -1 && nextClose < j + 2) nextClose = t.indexOf("](", j + 2);
    if (nextClose < 0) break;
    if (nextNl !== -1 && nextNl < j + 2) nextNl = t.indexOf("\n", j + 2);
    const sameLine = nextNl < 0 || nextClose < nextNl;
    if (sameLine && nextClose - j < 1000) {
      out.push(j + 2, nextClose, HOW_ALT_TEXT);
      j = t.indexOf("![", nextClose);
    } else j = t.indexOf("![", j + 2);
  }
  let m = t.indexOf("[//]:");
  // (the next line break is looked up once and kept while it lies ahead: many "[//]:" on one line read it once)
  let nlc = -2;
  while (m >= 0) {
    if (nlc !== -1 && nlc < m) nlc = t.indexOf("\n", m);
    const nl = nlc;
    out.push(m, nl < 0 ? n : nl, HOW_MARKDOWN_COMMENT);
    m = t.indexOf("[//]:", m + 5);
  }
  return out;
}

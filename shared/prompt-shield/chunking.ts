// Splits Prompt Shields input to respect the service's per-call limits: a prompt of at most 10,000
// characters, at most 5 documents totalling 10,000 characters. Long texts are cut into pieces
// (with an overlap, so that an attack phrase across a cut is seen whole in one piece); short texts are
// packed together, so that a tools/list of 400 small strings costs two calls and not eighty.

export const MAX_PROMPT_CHARS = 10_000;
export const MAX_DOCS_PER_CALL = 5;
export const MAX_DOC_CHARS_PER_CALL = 10_000;
/** Short documents are packed into documents of at most this size (five fill one call). */
export const PACK_CHARS = MAX_DOC_CHARS_PER_CALL / MAX_DOCS_PER_CALL;
/** What joins packed texts: a blank line, so that no two texts read as one sentence. */
export const PACK_SEPARATOR = "\n\n";
const OVERLAP = 200;

export interface ShieldCall {
  readonly userPrompt?: string;
  readonly documents: string[];
  /** For each document of this call: the input documents it carries (a piece of one, or several packed). */
  readonly documentOwners: number[][];
  /** Whether this call carries a piece of the user prompt. */
  readonly hasPrompt: boolean;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** Pieces of at most `size` UTF-16 units, overlapping by OVERLAP, never cutting a surrogate pair. */
export function pieces(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  if (size <= 2 * OVERLAP) throw new RangeError(`pieces: size ${size} leaves no room past the overlap`);
  const out: string[] = [];
  let start = 0;
  for (;;) {
    let end = Math.min(text.length, start + size);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    out.push(text.slice(start, end));
    if (end >= text.length) return out;
    let next = end - OVERLAP;
    if (isHighSurrogate(text.charCodeAt(next - 1))) next--;
    start = next;
  }
}

/** A text to send as one Prompt Shields document, and the input documents it stands for. */
interface Unit {
  text: string;
  owners: number[];
}

/** Long documents cut into pieces; short ones packed into units of at most `packChars`; empty ones dropped. */
export function packTexts(texts: readonly string[], packChars: number, pieceChars: number): Unit[] {
  const units: Unit[] = [];
  let pack: Unit | null = null;
  texts.forEach((text, owner) => {
    if (text.length === 0) return;
    if (text.length > packChars) {
      for (const piece of pieces(text, pieceChars)) units.push({ text: piece, owners: [owner] });
      return;
    }
    if (pack && pack.text.length + PACK_SEPARATOR.length + text.length <= packChars) {
      pack.text += PACK_SEPARATOR + text;
      pack.owners.push(owner);
      return;
    }
    pack = { text, owners: [owner] };
    units.push(pack);
  });
  return units;
}

/** Harm ratings of packs of at most this many texts are asked for again, text by text. */
export const RECHECK_MAX_TEXTS = 10;

/** `items` in at most `n` consecutive parts of near-equal size (none empty). */
export function splitInto<T>(items: readonly T[], n: number): T[][] {
  const parts: T[][] = [];
  const size = Math.ceil(items.length / Math.min(n, items.length));
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

export function planCalls(userPrompt: string | undefined, documents: readonly string[]): ShieldCall[] {
  const calls: ShieldCall[] = [];
  const promptPieces = userPrompt !== undefined && userPrompt.length > 0 ? pieces(userPrompt, MAX_PROMPT_CHARS) : [];
  let current: { documents: string[]; owners: number[][]; chars: number } = { documents: [], owners: [], chars: 0 };
  const flush = () => {
    if (current.documents.length > 0) calls.push({ documents: current.documents, documentOwners: current.owners, hasPrompt: false });
    current = { documents: [], owners: [], chars: 0 };
  };
  for (const unit of packTexts(documents, PACK_CHARS, MAX_DOC_CHARS_PER_CALL)) {
    if (current.documents.length >= MAX_DOCS_PER_CALL || current.chars + unit.text.length > MAX_DOC_CHARS_PER_CALL) flush();
    current.documents.push(unit.text);
    current.owners.push(unit.owners);
    current.chars += unit.text.length;
  }
  flush();
  // Prompt pieces ride with the document calls where they can, and alone otherwise.
  promptPieces.forEach((piece, i) => {
    const call = calls[i];
    if (call && !call.hasPrompt) calls[i] = { ...call, userPrompt: piece, hasPrompt: true };
    else calls.push({ userPrompt: piece, documents: [], documentOwners: [], hasPrompt: true });
  });
  return calls;
}

// Splits Prompt Shields input to respect the service's per-call limits: a prompt of at most 10,000
// characters, at most 5 documents totalling 10,000 characters. Long texts are cut into pieces
// (with an overlap, so that an attack phrase across a cut is seen whole in one piece).

export const MAX_PROMPT_CHARS = 10_000;
export const MAX_DOCS_PER_CALL = 5;
export const MAX_DOC_CHARS_PER_CALL = 10_000;
const OVERLAP = 200;

export interface ShieldCall {
  readonly userPrompt?: string;
  readonly documents: string[];
  /** For each document of this call: which input document it is a piece of. */
  readonly documentOwners: number[];
  /** Whether this call carries a piece of the user prompt. */
  readonly hasPrompt: boolean;
}

export function pieces(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const out: string[] = [];
  for (let start = 0; start < text.length; start += size - OVERLAP) {
    out.push(text.slice(start, start + size));
    if (start + size >= text.length) break;
  }
  return out;
}

export function planCalls(userPrompt: string | undefined, documents: readonly string[]): ShieldCall[] {
  const calls: ShieldCall[] = [];
  const promptPieces = userPrompt !== undefined && userPrompt.length > 0 ? pieces(userPrompt, MAX_PROMPT_CHARS) : [];
  let current: { documents: string[]; owners: number[]; chars: number } = { documents: [], owners: [], chars: 0 };
  const flush = () => {
    if (current.documents.length > 0) calls.push({ documents: current.documents, documentOwners: current.owners, hasPrompt: false });
    current = { documents: [], owners: [], chars: 0 };
  };
  documents.forEach((document, owner) => {
    for (const piece of pieces(document, MAX_DOC_CHARS_PER_CALL)) {
      if (current.documents.length >= MAX_DOCS_PER_CALL || current.chars + piece.length > MAX_DOC_CHARS_PER_CALL) flush();
      current.documents.push(piece);
      current.owners.push(owner);
      current.chars += piece.length;
    }
  });
  flush();
  // Prompt pieces ride with the document calls where they can, and alone otherwise.
  promptPieces.forEach((piece, i) => {
    const call = calls[i];
    if (call && !call.hasPrompt) calls[i] = { ...call, userPrompt: piece, hasPrompt: true };
    else calls.push({ userPrompt: piece, documents: [], documentOwners: [], hasPrompt: true });
  });
  return calls;
}

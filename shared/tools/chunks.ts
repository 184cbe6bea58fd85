// Long strings in Table Storage: an Edm.String property holds at most 64 KiB (UTF-16, so 32,768 code
// units). A longer text is split across numbered properties `<prefix>0`, `<prefix>1`, … with the count
// in `<prefix>n`, never across a surrogate pair, and joined back on read. Nothing is ever truncated:
// a text that does not fit in `maxChunks` properties is refused by the caller before anything is written.

/** Code units per property: 60,000 bytes, safely below the 65,536-byte Edm.String limit. */
export const CHUNK_UNITS = 30_000;

export function splitText(text: string, chunkUnits: number = CHUNK_UNITS): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + chunkUnits, text.length);
    // Keep a surrogate pair together.
    if (end < text.length) {
      const last = text.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/** The properties that store `text` under `prefix`. */
export function toProperties(prefix: string, text: string): Record<string, string | number> {
  const chunks = splitText(text);
  const properties: Record<string, string | number> = { [`${prefix}n`]: chunks.length };
  chunks.forEach((chunk, i) => (properties[`${prefix}${i}`] = chunk));
  return properties;
}

/** Joins what toProperties stored; undefined when a piece is missing or of the wrong type. */
export function fromProperties(entity: Readonly<Record<string, unknown>>, prefix: string): string | undefined {
  const count = entity[`${prefix}n`];
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > 250) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const part = entity[`${prefix}${i}`];
    if (typeof part !== "string") return undefined;
    parts.push(part);
  }
  return parts.join("");
}

/** The names of the chunk properties for `count` chunks (for `select`). */
export function chunkPropertyNames(prefix: string, count: number): string[] {
  return [`${prefix}n`, ...Array.from({ length: count }, (_, i) => `${prefix}${i}`)];
}

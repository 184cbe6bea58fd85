// Trace and span ids from a pooled CSPRNG buffer: one randomFillSync per 256 ids instead of one per
// request (ids for correlation, not secrets — but still unpredictable).
import { randomFillSync } from "node:crypto";

const pool = Buffer.alloc(4096);
let offset = pool.length;

export function randomHex(bytes: number): string {
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString("hex", offset, offset + bytes);
  offset += bytes;
  return hex;
}

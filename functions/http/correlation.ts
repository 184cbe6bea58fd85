// W3C Trace Context: the correlation id of a request is the trace id of its `traceparent`, or a new one.
import { randomHex } from "./random-ids.ts";

const HEX = /^[0-9a-f]+$/;

export function correlationIdOf(traceparent: string | null): string {
  if (traceparent && traceparent.length === 55) {
    const [version, traceId, parentId, flags] = traceparent.split("-");
    if (
      version === "00" &&
      traceId?.length === 32 &&
      parentId?.length === 16 &&
      flags?.length === 2 &&
      HEX.test(traceId) &&
      HEX.test(parentId) &&
      HEX.test(flags) &&
      !/^0+$/.test(traceId)
    ) {
      return traceId;
    }
  }
  return randomHex(16);
}

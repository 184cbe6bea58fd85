// Parses a buffered text/event-stream body (a Streamable HTTP response) into the data of each event,
// in one linear pass (WHATWG HTML "event stream interpretation": data lines joined with "\n").

export function parseEventStream(body: string): string[] {
  const events: string[] = [];
  let data: string[] = [];
  let start = 0;
  const n = body.length;
  while (start <= n) {
    let end = start;
    while (end < n && body.charCodeAt(end) !== 10 && body.charCodeAt(end) !== 13) end += 1;
    const line = body.slice(start, end);
    if (line.length === 0) {
      if (data.length > 0) events.push(data.join("\n"));
      data = [];
    } else if (line.startsWith("data")) {
      if (line.length === 4) data.push("");
      else if (line.charCodeAt(4) === 58) data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5));
    }
    // "event", "id", "retry" and comments (":") carry no message text.
    if (end >= n) break;
    start = end + (body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  if (data.length > 0) events.push(data.join("\n"));
  return events;
}

// A tiny scriptable HTTP double of the edge for the client-library tests: each request is recorded and
// answered by the test's `answer` function (status, headers, body, and an optional delay).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

export interface Scripted {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  readonly body?: unknown;
  readonly delayMs?: number;
}

export interface EdgeDouble {
  readonly url: string;
  readonly requests: Recorded[];
  answer: (request: Recorded) => Scripted;
  close(): Promise<void>;
}

export async function startEdgeDouble(answer: (request: Recorded) => Scripted = () => ({ status: 404 })): Promise<EdgeDouble> {
  const requests: Recorded[] = [];
  let server: Server;
  const double: EdgeDouble = {
    url: "",
    requests,
    answer,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: Recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      requests.push(recorded);
      const scripted = double.answer(recorded);
      const reply = (): void => {
        if (res.destroyed) return;
        const text = scripted.body === undefined ? "" : typeof scripted.body === "string" ? scripted.body : JSON.stringify(scripted.body);
        res.writeHead(scripted.status, { "Content-Type": "application/json", ...scripted.headers, "Content-Length": String(Buffer.byteLength(text)) });
        res.end(text);
      };
      if (scripted.delayMs) setTimeout(reply, scripted.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  Object.assign(double, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  return double;
}

// The local host: serves the route table over node:http, converting to and from the real
// HttpRequest/HttpResponse classes of @azure/functions so that local behaviour equals Azure's.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HttpRequest, InvocationContext, type HttpHandler } from "../http/azure-functions.ts";
import { createHandler, errorToResponse, type ServicesProvider } from "../http/pipeline.ts";
import { correlationIdOf } from "../http/correlation.ts";
import { tooLarge } from "../http/body.ts";
import { knownBody } from "../http/problem.ts";
import { compileRoutes } from "../http/route-match.ts";
import { ALL_METHODS, type RouteDefinition } from "../http/route.ts";
import { RequestError } from "../http/request-error.ts";

export interface LocalHostOptions {
  readonly routes: readonly RouteDefinition[];
  readonly getServices: ServicesProvider;
  readonly maxBodyBytes: number;
}

export function createLocalServer(options: LocalHostOptions): Server {
  const match = compileRoutes(options.routes);
  const handlers = new Map<RouteDefinition, HttpHandler>(options.routes.map((route) => [route, createHandler(route, options.getServices)]));

  const server = createServer({ maxHeaderSize: 64 * 1024, requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 }, (req, res) => {
    void serve(req, res).catch(() => {
      // The pipeline already maps every error; this only guards the socket itself.
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/problem+json" });
        res.end(JSON.stringify({ type: "urn:mcp-security-edge:problem:internal-error", title: "Internal Server Error", status: 500, detail: "internal error" }));
      } else {
        res.end();
      }
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    const found = match(url.pathname);
    if (!found) throw new Error("the route table has no catch-all");
    const { route, params } = found;
    // Answered without a handler, and the connection closed (the body is not read on)
    const refuse = async (error: RequestError): Promise<void> => {
      const services = await options.getServices().catch(() => undefined);
      const response = errorToResponse(error, route.errorFormat ?? "problem", correlationIdOf(req.headers.traceparent as string | undefined ?? null), services, route);
      res.setHeader("Connection", "close");
      await writeResponse(res, response.status, response.headers, new Uint8Array(await response.arrayBuffer()));
      req.destroy();
    };
    // TRACE and the like: no request object can carry them (the Functions host does not route them either)
    if (!ALL_METHODS.includes((req.method ?? "GET") as never)) {
      return refuse(new RequestError(405, "method-not-allowed", `${req.method} is not allowed here`, { oauthError: "invalid_request", headers: { Allow: route.methods.join(", ") } }));
    }
    const body = await readLimited(req, options.maxBodyBytes);
    // Stop reading at the limit, as the Functions host and APIM do, and close the connection.
    if (body === "too-large") return refuse(tooLarge(options.maxBodyBytes));
    const request = new HttpRequest({
      method: req.method ?? "GET",
      url: url.toString(),
      headers: flattenHeaders(req),
      params,
      ...(body.byteLength > 0 ? { body: { bytes: body } } : {}),
    });
    const context = new InvocationContext({ functionName: route.name, logHandler: () => undefined });
    const handler = handlers.get(route) as HttpHandler;
    const response = await handler(request, context);
    if (!(response && "arrayBuffer" in response)) throw new Error("handlers return HttpResponse");
    const text = knownBody(response);
    await writeResponse(res, response.status, response.headers, text !== undefined ? Buffer.from(text) : new Uint8Array(await response.arrayBuffer()));
  }

  return server;
}

/**
 * The request's URL. The target is taken as a path even when it looks protocol-relative ("//x"),
 * and the Host header is not trusted to form a valid URL.
 */
function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? "/";
  const base = "http://127.0.0.1";
  if (target.startsWith("/")) {
    try {
      return new URL(`${base}${target}`);
    } catch {
      return new URL(`${base}/`);
    }
  }
  // Absolute-form ("http://h/p") or asterisk-form ("*"): only the path matters to the route table.
  try {
    const absolute = new URL(target);
    return new URL(`${base}${absolute.pathname}${absolute.search}`);
  } catch {
    return new URL(`${base}/`);
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function readLimited(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | "too-large"> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > maxBytes) return Promise.resolve("too-large");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > maxBytes) {
        done = true;
        req.pause();
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

function writeResponse(res: ServerResponse, status: number, headers: Headers, body: Uint8Array): Promise<void> {
  const out: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  out["content-length"] = String(body.byteLength);
  res.writeHead(status, out);
  return new Promise((resolve) => res.end(body, () => resolve()));
}

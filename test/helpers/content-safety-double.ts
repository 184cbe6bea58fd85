// A local double of Azure AI Content Safety Prompt Shields speaking its REST contract over HTTPS (the
// Azure SDK sends bearer tokens only over TLS): POST /contentsafety/text:shieldPrompt?api-version=2024-09-01,
// service limits enforced, Azure.Core error bodies. It reports an attack for any text containing
// "JAILBREAK", or both "SPLIT-A" and "SPLIT-B" (an attack spread over texts: only seen when they are
// sent together), as a stand-in for the service's model. Modes: ok, throttle (429 + Retry-After), error
// (500), hang (never answers), malformed (200 with a body of the wrong shape); analyze-error and
// analyze-partial fail only text:analyze (500, or an answer that leaves out the categories asked for).
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { selfSigned } from "./tls.ts";
import type { AccessToken, TokenCredential } from "@azure/core-auth";

export type ShieldMode = "ok" | "throttle" | "error" | "hang" | "malformed" | "throttle-once" | "analyze-error" | "analyze-partial";

export interface ContentSafetyDouble {
  readonly endpoint: string;
  mode: ShieldMode;
  readonly calls: Array<{ userPrompt?: string; documents?: string[] }>;
  /** Texts sent to text:analyze; a text containing `HARM:<Category>`, or both "HARM-PART-1" and "HARM-PART-2"
   * (Violence), is rated severity 4 in it. */
  readonly analyzed: string[];
  /** Reset whenever `mode` is set. retryAfter: a 429's Retry-After header (seconds, default "0");
   * delayMs: every answer waits this long first (a slow service; default 0). */
  readonly tuning: { retryAfter: string; delayMs: number };
  /** Pipeline policy that makes the Azure SDK trust the double's self-signed certificate. */
  readonly trustPolicy: PipelinePolicy;
  readonly credential: TokenCredential;
  close(): Promise<void>;
}

const TOKEN = "content-safety-test-token";

export async function startContentSafetyDouble(): Promise<ContentSafetyDouble> {
  const tls = selfSigned();
  const state = { mode: "ok" as ShieldMode, throttled: false, tuning: { retryAfter: "0", delayMs: 0 } };
  const calls: ContentSafetyDouble["calls"] = [];
  const analyzed: string[] = [];
  const server = createServer(tls, (req, res) => {
    // (decoded once, whole: a character split between two TCP chunks must not turn into U+FFFD)
    const chunks: Buffer[] = [];
    let raw = "";
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      raw = Buffer.concat(chunks).toString("utf8");
      setTimeout(answer, state.tuning.delayMs);
    });
    const answer = (): unknown => {
      const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
        res.writeHead(status, { "Content-Type": "application/json", "x-ms-error-code": code, ...headers }).end(JSON.stringify({ error: { code, message } }));
      const url = new URL(req.url ?? "/", "https://127.0.0.1");
      if (req.method !== "POST" || (url.pathname !== "/contentsafety/text:shieldPrompt" && url.pathname !== "/contentsafety/text:analyze")) return error(404, "NotFound", "Resource not found");
      if (url.searchParams.get("api-version") !== "2024-09-01") return error(400, "InvalidApiVersion", "api-version 2024-09-01 expected");
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return error(401, "Unauthorized", "Access denied");
      let body: { userPrompt?: string; documents?: string[]; text?: string; categories?: string[] };
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        return error(400, "InvalidRequestBody", "The request body is not valid JSON");
      }
      if (url.pathname === "/contentsafety/text:analyze") {
        if (typeof body.text !== "string" || body.text.length > 10_000) return error(400, "InvalidRequestBody", "text is required, at most 10000 characters");
        analyzed.push(body.text);
        if (state.mode === "error" || state.mode === "analyze-error") return error(500, "InternalServerError", "Internal error");
        if (state.mode === "hang") return;
        if (state.mode === "analyze-partial") return res.writeHead(200, { "Content-Type": "application/json" }).end('{"blocklistsMatch":[],"categoriesAnalysis":[]}');
        const categories = body.categories ?? ["Hate", "SelfHarm", "Sexual", "Violence"];
        const text = body.text;
        const rate = (category: string): number => (text.includes(`HARM:${category}`) || (category === "Violence" && text.includes("HARM-PART-1") && text.includes("HARM-PART-2")) ? 4 : 0);
        return res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ blocklistsMatch: [], categoriesAnalysis: categories.map((category) => ({ category, severity: rate(category) })) }));
      }
      const documents = body.documents ?? [];
      if ((body.userPrompt?.length ?? 0) > 10_000 || documents.length > 5 || documents.reduce((n, d) => n + d.length, 0) > 10_000) {
        return error(400, "InvalidRequestBody", "Input exceeds the Prompt Shields limits");
      }
      calls.push(body);
      if (state.mode === "hang") return;
      if (state.mode === "throttle" || (state.mode === "throttle-once" && !state.throttled)) {
        state.throttled = true;
        return error(429, "TooManyRequests", "Rate limit is exceeded", { "Retry-After": state.tuning.retryAfter });
      }
      if (state.mode === "error") return error(500, "InternalServerError", "Internal error");
      if (state.mode === "malformed") return res.writeHead(200, { "Content-Type": "application/json" }).end('{"unexpected":true}');
      const attack = (text: string | undefined) => (text ?? "").includes("JAILBREAK") || ((text ?? "").includes("SPLIT-A") && (text ?? "").includes("SPLIT-B"));
      res.writeHead(200, { "Content-Type": "application/json" }).end(
        JSON.stringify({
          userPromptAnalysis: { attackDetected: attack(body.userPrompt) },
          documentsAnalysis: documents.map((d) => ({ attackDetected: attack(d) })),
        }),
      );
    };
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { agent, policy: trustPolicy } = tls.trustPolicy();
  return {
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get mode() {
      return state.mode;
    },
    set mode(value: ShieldMode) {
      state.mode = value;
      state.throttled = false;
      state.tuning.retryAfter = "0";
      state.tuning.delayMs = 0;
    },
    tuning: state.tuning,
    calls,
    analyzed,
    trustPolicy,
    credential: { getToken: async (): Promise<AccessToken> => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

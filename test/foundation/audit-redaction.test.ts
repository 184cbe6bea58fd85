// A JWT passed anywhere in a request never appears in the log output (the real stdout sink, captured).
import { test } from "node:test";
import assert from "node:assert/strict";
import { StdoutAuditSink } from "../../shared/audit/stdout-sink.ts";
import { startTestEdge, devToken } from "../helpers/edge.ts";

test("a JWT in a header, the path, the query or the body never reaches the log", async () => {
  let output = "";
  const sink = new StdoutAuditSink({ write: (line: string) => (output += line) }, true);
  const edge = await startTestEdge({}, { auditSink: sink });
  try {
    const jwt = await devToken({ sub: "mallory", audience: "api://someone-else" });
    const valid = await devToken({ sub: "alice" });
    const client = await devToken({ client: "apim", roles: ["Edge.Exchange"] });
    const requests: Array<[string, RequestInit]> = [
      ["/api/sessions", { method: "POST", headers: { Authorization: `Bearer ${jwt}`, "Content-Type": "application/json" }, body: JSON.stringify({ note: jwt }) }],
      [`/api/nope/${jwt}?token=${jwt}`, { headers: { "X-Debug": jwt } }],
      [
        "/api/token-exchange",
        {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
            subject_token: jwt,
            subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
            resource: "https://unknown.example",
            client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            client_assertion: client,
          }).toString(),
        },
      ],
      ["/api/sessions", { method: "POST", headers: { Authorization: `Bearer ${valid}`, "Content-Type": "application/json" }, body: JSON.stringify({ clientId: jwt }) }],
    ];
    for (const [path, init] of requests) await (await edge.fetch(path, init)).arrayBuffer();
    await edge.services.audit.flush();
    assert.ok(output.length > 0, "events were logged");
    for (const token of [jwt, valid, client]) {
      const signature = token.split(".")[2] as string;
      assert.ok(!output.includes(signature), "no token signature in the log");
      assert.ok(!output.includes(token.slice(0, 60)), "no token prefix in the log");
    }
    for (const line of output.trim().split("\n")) JSON.parse(line); // every line is one JSON event
  } finally {
    await edge.stop();
  }
});

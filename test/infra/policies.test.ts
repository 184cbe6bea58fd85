// APIM policy files under infra/apim: well-formed XML, sound expressions, every named value and
// every deployment token declared in Bicep, and the security properties the edge relies on
// (timeouts, fail-closed handling, no token passthrough, RFC 9728 challenge and metadata).

import { test } from "node:test";
import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { parseXml, elements, childElements, textOf, type XmlElement } from "./xml.ts";
import { checkPolicyExpression } from "./policy-expressions.ts";
import { bicepFiles, infraDir, objectEntriesOf, policyFiles, read, rel, stripBicepComments } from "./bicep-source.ts";

const files = policyFiles();
const apimBicep = read(join(infraDir, "modules", "apim.bicep"));
const parsed = new Map<string, XmlElement>();
function parsedPolicy(path: string): XmlElement {
  let root = parsed.get(path);
  if (!root) {
    root = parseXml(read(path));
    parsed.set(path, root);
  }
  return root;
}

const SECTIONS = ["inbound", "backend", "outbound", "on-error"];

test("policies: the expected policy files exist", () => {
  assert.deepEqual(files.map((f) => basename(f)).sort(), ["mcp-api.xml", "prm.xml"]);
});

for (const file of files) {
  test(`policies: ${rel(file)} is well-formed XML with the four sections in order`, () => {
    const root = parsedPolicy(file);
    assert.equal(root.name, "policies");
    assert.deepEqual(childElements(root).map((e) => e.name), SECTIONS);
  });

  test(`policies: ${rel(file)} has no XML declaration (APIM stores the bare <policies> document)`, () => {
    assert.ok(read(file).trimStart().startsWith("<policies>"));
  });

  test(`policies: every expression in ${rel(file)} is a single, balanced C# expression`, () => {
    const problems: string[] = [];
    for (const el of elements(parsedPolicy(file))) {
      for (const [name, value] of el.attributes) {
        for (const p of checkPolicyExpression(value) ?? []) problems.push(`<${el.name} ${name}> line ${el.line}: ${p.message}`);
      }
      const text = textOf(el);
      for (const p of checkPolicyExpression(text) ?? []) problems.push(`<${el.name}> text line ${el.line}: ${p.message}`);
    }
    assert.deepEqual(problems, []);
  });

  test(`policies: ${rel(file)} has no double-brace reference inside a comment (APIM resolves those too)`, () => {
    const comments = read(file).match(/<!--[\s\S]*?-->/g) ?? [];
    for (const comment of comments) assert.doesNotMatch(comment, /\{\{/);
  });

  test(`policies: every send-request in ${rel(file)} has a bounded timeout and its failure is handled`, () => {
    const source = read(file);
    for (const el of elements(parsedPolicy(file))) {
      if (el.name !== "send-request") continue;
      const timeout = el.attributes.get("timeout");
      assert.ok(timeout, `send-request at line ${el.line} has no timeout`);
      assert.match(timeout, /^(__[A-Z0-9_]+__|[0-9]{1,2})$/, `timeout at line ${el.line}`);
      const variable = el.attributes.get("response-variable-name");
      assert.ok(variable, `send-request at line ${el.line} has no response variable`);
      assert.equal(el.attributes.get("ignore-error"), "true", `send-request at line ${el.line} must set ignore-error="true" and test for null`);
      if (variable !== "sessionRevoke") {
        // The response variable is read through a null check before use.
        const nullCheck = new RegExp(`IResponse\\)context\\.Variables\\["${variable}"\\];\\s*if \\(r == null`);
        assert.match(source, nullCheck, `${variable} must be checked for null (timeout or transport error)`);
      }
    }
  });

  test(`policies: ${rel(file)} fails closed in on-error`, () => {
    const onError = childElements(parsedPolicy(file)).find((e) => e.name === "on-error")!;
    const returns = [...elements(onError)].filter((e) => e.name === "return-response");
    assert.ok(returns.length > 0, "on-error returns a response of its own");
    for (const r of returns) {
      const status = childElements(r).find((e) => e.name === "set-status");
      assert.ok(status, "every on-error response sets a status");
      assert.notEqual(status.attributes.get("code"), "200");
    }
    assert.equal([...elements(onError)].some((e) => e.name === "base"), false, "no <base /> in on-error: nothing may run before the fail-closed answer");
  });
}

test("policies: every double-brace named value is declared in apim.bicep", () => {
  const declared = new Set([...objectEntriesOf(apimBicep, "plainNamedValues").keys(), ...objectEntriesOf(apimBicep, "keyVaultNamedValues").keys()]);
  const used = new Set<string>();
  for (const file of files) for (const m of read(file).matchAll(/\{\{([^{}]+)\}\}/g)) used.add(m[1]!);
  assert.ok(used.size > 0);
  for (const name of used) assert.ok(declared.has(name), `{{${name}}} is used in a policy but not declared in apim.bicep`);
  for (const name of declared) assert.match(name, /^[A-Za-z0-9._-]+$/, "named value names: letters, digits, period, dash, underscore");
});

test("policies: the Functions key is a Key Vault-backed secret named value, never a plain one", () => {
  const keyVaultValues = objectEntriesOf(apimBicep, "keyVaultNamedValues");
  assert.ok(keyVaultValues.has("edge-functions-key"));
  assert.equal(objectEntriesOf(apimBicep, "plainNamedValues").has("edge-functions-key"), false);
  const code = stripBicepComments(apimBicep);
  assert.match(code, /secret:\s*true\s*\n\s*keyVault:\s*\{\s*\n\s*secretIdentifier:/);
});

test("policies: every __TOKEN__ in a policy is replaced by Bicep", () => {
  const defined = new Set<string>();
  for (const file of bicepFiles()) {
    for (const m of stripBicepComments(read(file)).matchAll(/^\s*'?(__[A-Z0-9_]+__)'?\s*:/gm)) defined.add(m[1]!);
  }
  for (const file of files) {
    for (const m of read(file).matchAll(/__[A-Z0-9_]+__/g)) {
      if (m[0] === "__UPPER_CASE__") continue; // the placeholder named in the header comment
      assert.ok(defined.has(m[0]), `${m[0]} in ${rel(file)} is not defined in any Bicep token map`);
    }
  }
  const serverModule = read(join(infraDir, "modules", "apim-mcp-server.bicep"));
  for (const policy of ["mcp-api.xml", "prm.xml"]) {
    assert.match(serverModule, new RegExp(`loadTextContent\\('\\.\\./apim/${policy.replace(".", "\\.")}'\\)`));
  }
  assert.match(serverModule, /format: 'xml'/, "strict XML documents are deployed with format xml, not rawxml");
  assert.doesNotMatch(serverModule, /rawxml/);
});

test("policies: the MCP policy validates the user token for the edge app and rate-limits per user", () => {
  const root = parsedPolicy(join(infraDir, "apim", "mcp-api.xml"));
  const validate = [...elements(root)].find((e) => e.name === "validate-azure-ad-token");
  assert.ok(validate);
  assert.equal(validate.attributes.get("tenant-id"), "{{edge-tenant-id}}");
  const audiences = [...elements(validate)].filter((e) => e.name === "audience").map(textOf);
  assert.deepEqual(audiences, ["{{edge-app-client-id}}", "{{edge-app-id-uri}}"]);
  const scope = [...elements(validate)].find((e) => e.name === "claim");
  assert.equal(scope?.attributes.get("name"), "scp");
  const rateLimit = [...elements(root)].find((e) => e.name === "rate-limit-by-key");
  assert.ok(rateLimit);
  assert.match(rateLimit.attributes.get("counter-key")!, /"oid"/);
});

test("policies: the client's token never reaches the MCP server", () => {
  const root = parsedPolicy(join(infraDir, "apim", "mcp-api.xml"));
  const inbound = childElements(root).find((e) => e.name === "inbound")!;
  const order = [...elements(inbound)];
  const exchangeIndex = order.findIndex((e) => e.name === "send-request" && [...elements(e)].some((c) => c.name === "set-url" && textOf(c).includes("/api/token-exchange")));
  const authIndex = order.findIndex((e) => e.name === "set-header" && e.attributes.get("name") === "Authorization" && e.attributes.get("exists-action") === "override" && textOf(childElements(e)[0]!).includes("downstreamToken"));
  assert.ok(exchangeIndex > 0, "a token exchange happens in inbound");
  assert.ok(authIndex > exchangeIndex, "Authorization is replaced by the minted token after the exchange");
  // The minted token is the last Authorization header set in inbound (nothing restores the user's).
  const lastAuth = order.filter((e) => e.name === "set-header" && e.attributes.get("name") === "Authorization" && !isInsideSendRequest(inbound, e));
  assert.equal(lastAuth.length, 1);
  // The exchange authenticates APIM with its managed identity, and fails hard if that fails.
  const mi = order.find((e) => e.name === "authentication-managed-identity");
  assert.ok(mi);
  assert.equal(mi.attributes.get("ignore-error"), "false");
  assert.equal(mi.attributes.get("output-token-variable-name"), "apimAssertion");
  const exchange = order[exchangeIndex]!;
  const form = textOf([...elements(exchange)].find((e) => e.name === "set-body")!);
  for (const field of ["grant_type=", "subject_token=", "subject_token_type=", "resource=", "client_assertion_type=", "client_assertion="]) {
    assert.ok(form.includes(`"${field}"`), `token exchange form has ${field}`);
  }
  assert.ok(form.includes("urn:ietf:params:oauth:grant-type:token-exchange"));
  assert.ok(form.includes("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
});

function isInsideSendRequest(root: XmlElement, target: XmlElement): boolean {
  for (const el of elements(root)) {
    if (el.name === "send-request" && [...elements(el)].includes(target)) return true;
  }
  return false;
}

test("policies: every call to the edge carries the Functions key, and the user's token only goes to the edge", () => {
  const root = parsedPolicy(join(infraDir, "apim", "mcp-api.xml"));
  const sends = [...elements(root)].filter((e) => e.name === "send-request");
  assert.ok(sends.length >= 5);
  for (const send of sends) {
    const url = textOf([...elements(send)].find((e) => e.name === "set-url")!);
    assert.ok(url.includes("{{edge-base-url}}/api/"), `send-request to ${url} targets the edge`);
    const headers = new Map([...elements(send)].filter((e) => e.name === "set-header").map((e) => [e.attributes.get("name")!, textOf(childElements(e)[0] ?? e)]));
    assert.equal(headers.get("x-functions-key"), "{{edge-functions-key}}");
    assert.match(headers.get("traceparent") ?? "", /^@\("00-" \+ context\.RequestId\.ToString\("N"\)/, "the edge's correlation id is APIM's request id");
    if (url.includes("/api/token-exchange")) {
      assert.equal(headers.has("Authorization"), false, "token exchange authenticates with the client assertion only");
    } else {
      assert.equal(headers.get("Authorization"), '@((string)context.Variables["userAuthorization"])');
    }
  }
  const routes = sends.map((s) => textOf([...elements(s)].find((e) => e.name === "set-url")!));
  assert.ok(routes.some((u) => u.endsWith("/api/screen")));
  assert.ok(routes.some((u) => u.endsWith("/api/sessions")));
  assert.ok(routes.some((u) => u.includes('/api/sessions/" +')));
});

test("policies: request and response screening send X-MCP-Method; the response also X-MCP-Server-Id", () => {
  const root = parsedPolicy(join(infraDir, "apim", "mcp-api.xml"));
  const screens = [...elements(root)].filter((e) => e.name === "send-request" && [...elements(e)].some((c) => c.name === "set-url" && textOf(c).endsWith("/api/screen")));
  assert.equal(screens.length, 2);
  const headerNames = (send: XmlElement) => [...elements(send)].filter((e) => e.name === "set-header").map((e) => e.attributes.get("name"));
  assert.ok(headerNames(screens[0]!).includes("X-MCP-Method"));
  assert.ok(headerNames(screens[1]!).includes("X-MCP-Method"));
  assert.ok(headerNames(screens[1]!).includes("X-MCP-Server-Id"));
  // The backend response is buffered so that it can be screened whole.
  const forwards = [...elements(root)].filter((e) => e.name === "forward-request");
  assert.ok(forwards.some((f) => f.attributes.get("buffer-response") === "true"));
  for (const f of forwards) assert.ok(f.attributes.get("timeout"), "forward-request has a timeout");
});

test("policies: every 401 carries WWW-Authenticate with resource_metadata", () => {
  for (const file of files) {
    for (const el of elements(parsedPolicy(file))) {
      if (el.name !== "return-response") continue;
      const status = childElements(el).find((e) => e.name === "set-status");
      if (status?.attributes.get("code") !== "401") continue;
      const challenge = childElements(el).find((e) => e.name === "set-header" && e.attributes.get("name") === "WWW-Authenticate");
      assert.ok(challenge, `401 at line ${el.line} has a WWW-Authenticate header`);
      assert.match(textOf(childElements(challenge)[0]!), /^Bearer (.+, )?resource_metadata="__MCP_PRM_URL__"/);
    }
  }
});

test("policies: the protected resource metadata is RFC 9728 JSON for the canonical MCP URL", () => {
  const root = parsedPolicy(join(infraDir, "apim", "prm.xml"));
  const body = textOf([...elements(root)].find((e) => e.name === "set-body")!);
  const metadata = JSON.parse(body) as Record<string, unknown>;
  assert.equal(metadata.resource, "__MCP_PUBLIC_URL__");
  assert.deepEqual(metadata.authorization_servers, ["{{entra-issuer}}"]);
  assert.deepEqual(metadata.scopes_supported, ["{{edge-mcp-scope}}"]);
  assert.deepEqual(metadata.bearer_methods_supported, ["header"]);
  const code = stripBicepComments(apimBicep);
  assert.match(code, /'entra-issuer': '\$\{environment\(\)\.authentication\.loginEndpoint\}\$\{tenant\(\)\.tenantId\}\/v2\.0'/);
  assert.match(code, /'edge-mcp-scope': '\$\{edgeIdentifierUri\}\/mcp\.tools'/);
  assert.match(code, /path: '\.well-known\/oauth-protected-resource'/);
});

test("policies: a standalone GET stream is refused unless screening is disabled for the server", () => {
  const source = read(join(infraDir, "apim", "mcp-api.xml"));
  const root = parseXml(source);
  const refusal = [...elements(root)].find(
    (e) => e.name === "when" && (e.attributes.get("condition") ?? "").includes('context.Request.Method == "GET" && (string)context.Variables["allowUnscreenedStream"] != "true"'),
  );
  assert.ok(refusal);
  const status = [...elements(refusal)].find((e) => e.name === "set-status");
  assert.equal(status?.attributes.get("code"), "405");
  const server = read(join(infraDir, "modules", "apim-mcp-server.bicep"));
  assert.match(server, /__MCP_ALLOW_UNSCREENED_STREAM__: \(server\.\?allowUnscreenedStream \?\? false\) \? 'true' : 'false'/);
});

test("policies: the backend's session id is replaced on the way out and never leaks", () => {
  const root = parsedPolicy(join(infraDir, "apim", "mcp-api.xml"));
  const outbound = childElements(root).find((e) => e.name === "outbound")!;
  const last = childElements(outbound).at(-1)!;
  assert.equal(last.name, "choose", "the session header is settled by the last outbound step");
  const sets = [...elements(last)].filter((e) => e.name === "set-header" && e.attributes.get("name") === "Mcp-Session-Id");
  assert.deepEqual(sets.map((e) => e.attributes.get("exists-action")).sort(), ["delete", "override"]);
  for (const r of [...elements(outbound)].filter((e) => e.name === "return-response")) {
    assert.ok(
      childElements(r).some((e) => e.name === "set-header" && e.attributes.get("name") === "Mcp-Session-Id" && e.attributes.get("exists-action") === "delete"),
      `outbound return-response at line ${r.line} drops the backend's session id`,
    );
  }
});

test("policies: a backend 401, 403 or redirect, or a compressed answer, is refused before screening; backend headers that redirect or challenge are dropped", () => {
  const root = parsedPolicy(join(infraDir, "apim", "mcp-api.xml"));
  const outbound = childElements(root).find((e) => e.name === "outbound")!;
  const steps = childElements(outbound);
  const refusal = steps.find((e) => e.name === "choose")!;
  const condition = childElements(refusal)[0]!.attributes.get("condition")!;
  for (const part of ["StatusCode == 401", "StatusCode == 403", "StatusCode >= 300", "StatusCode < 400", "Content-Encoding"]) assert.ok(condition.includes(part), part);
  assert.equal([...elements(refusal)].find((e) => e.name === "set-status")?.attributes.get("code"), "502");
  const screenIndex = steps.findIndex((e) => [...elements(e)].some((c) => c.name === "set-url" && textOf(c).endsWith("/api/screen")));
  for (const header of ["Location", "WWW-Authenticate", "X-MCP-Edge-Verdict"]) {
    const at = steps.findIndex((e) => e.name === "set-header" && e.attributes.get("name") === header && e.attributes.get("exists-action") === "delete");
    assert.ok(at >= 0 && at < screenIndex, `${header} is dropped before the response is screened`);
  }
});

test("policies: a request body the edge would read differently is refused (415) before it is read; the backend is asked not to compress", () => {
  const xml = read(join(infraDir, "apim", "mcp-api.xml"));
  const readable = xml.indexOf('name="requestReadable"');
  const refused = xml.indexOf('code="415"');
  const readBody = xml.indexOf('name="requestBody"');
  assert.ok(readable > 0 && readable < refused && refused < readBody);
  for (const part of ['"application/json"', "charset=utf-8", "Content-Encoding"]) assert.ok(xml.slice(readable, refused).includes(part), part);
  const root = parsedPolicy(join(infraDir, "apim", "mcp-api.xml"));
  const inbound = childElements(root).find((e) => e.name === "inbound")!;
  assert.ok(childElements(inbound).some((e) => e.name === "set-header" && e.attributes.get("name") === "Accept-Encoding" && e.attributes.get("exists-action") === "delete"));
});

test("policies: refusals never use -32002 (MCP's 'resource not found'); a blocked notification or client response is an HTTP error, and what the edge cannot read is not retried", () => {
  const xml = read(join(infraDir, "apim", "mcp-api.xml"));
  assert.ok(!xml.includes("-32002"));
  assert.match(xml, /requestVerdict"\] == "block" &amp;&amp; \(string\)context\.Variables\["mcpIsRequest"\] != "true"/);
  const root = parsedPolicy(join(infraDir, "apim", "mcp-api.xml"));
  for (const verdict of ["requestVerdict", "responseVerdict"]) {
    const when = [...elements(root)].find((e) => e.name === "when" && (e.attributes.get("condition") ?? "").includes(`${verdict}"] == "rejected"`));
    assert.ok(when, `${verdict} rejected is handled`);
    const headers = [...elements(when)].filter((e) => e.name === "set-header").map((e) => e.attributes.get("name"));
    assert.ok(!headers.includes("Retry-After"), `${verdict} rejected is not retried`);
  }
});

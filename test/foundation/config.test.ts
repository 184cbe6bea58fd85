import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, DEV_ISSUER, LOCAL_AUDIENCE, SETTINGS, loadSettings } from "../../shared/config/settings.ts";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

function configError(env: Record<string, string>, host: "azure" | "local" = "local"): ConfigError {
  try {
    loadSettings(env, host);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected a ConfigError");
}

test("with no settings at all the local edge uses embedded defaults and the dev issuer", () => {
  const settings = loadSettings({}, "local");
  assert.equal(settings.port, 7071);
  assert.equal(settings.bind, "127.0.0.1");
  assert.equal(settings.publicUrl.href, "http://127.0.0.1:7071/");
  assert.deepEqual(settings.trustedIssuers, [DEV_ISSUER]);
  assert.deepEqual(settings.roleIssuers, [DEV_ISSUER]);
  assert.deepEqual(settings.audiences, [LOCAL_AUDIENCE]);
  assert.equal(settings.maxBodyBytes, 1024 * 1024);
  assert.equal(settings.devIssuer, true);
});

test("a configured tenant trusts its v1 and v2 issuers and never the dev issuer", () => {
  const settings = loadSettings({ AZURE_TENANT_ID: TENANT }, "local");
  assert.deepEqual(settings.trustedIssuers, [`https://login.microsoftonline.com/${TENANT}/v2.0`, `https://sts.windows.net/${TENANT}/`]);
  assert.equal(settings.devIssuer, false);
  assert.deepEqual(settings.roleIssuers, settings.trustedIssuers);
});

test("the dev issuer is refused when the host is not loopback-only", () => {
  assert.equal(configError({ EDGE_BIND: "0.0.0.0" }).setting, "AZURE_TENANT_ID");
});

test("on Azure an http public URL, a missing issuer, table or Key Vault stop start-up", () => {
  const base = {
    AZURE_TENANT_ID: TENANT,
    EDGE_APP_CLIENT_ID: "11111111-1111-1111-1111-111111111111",
    EDGE_TABLES_ENDPOINT: "https://acct.table.core.windows.net",
    KEY_VAULT_URL: "https://kv.vault.azure.net",
  };
  assert.equal(configError({ ...base }, "azure").setting, "EDGE_PUBLIC_URL");
  const ok = { ...base, EDGE_PUBLIC_URL: "https://edge.example.com" };
  assert.equal(loadSettings(ok, "azure").host, "azure");
  assert.equal(configError({ ...ok, AZURE_TENANT_ID: "" }, "azure").setting, "AZURE_TENANT_ID");
  assert.equal(configError({ ...ok, EDGE_TABLES_ENDPOINT: "" }, "azure").setting, "EDGE_TABLES_ENDPOINT");
  assert.equal(configError({ ...ok, KEY_VAULT_URL: "" }, "azure").setting, "KEY_VAULT_URL");
  assert.deepEqual(loadSettings(ok, "azure").audiences, ["api://11111111-1111-1111-1111-111111111111", "11111111-1111-1111-1111-111111111111"]);
});

test("each malformed setting is named in the error", () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: "seventy" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ AZURE_TENANT_ID: "not-a-guid" }, "AZURE_TENANT_ID"],
    [{ EDGE_TRUSTED_ISSUERS: "http://idp.example.com" }, "EDGE_TRUSTED_ISSUERS"],
    [{ EDGE_ROLE_ISSUERS: "https://evil.example.com" }, "EDGE_ROLE_ISSUERS"],
    [{ EDGE_RESOURCES: "{not json" }, "EDGE_RESOURCES"],
    [{ EDGE_RESOURCES: '{"https://r.example":{"scopes":[]}}' }, "EDGE_RESOURCES"],
    [{ EDGE_RESOURCES: '{"https://r.example":{"scopes":["a"],"defaultScopes":["b"]}}' }, "EDGE_RESOURCES"],
    [{ EDGE_RESOURCES: '{"https://r.example":{"scopes":["a"],"surprise":1}}' }, "EDGE_RESOURCES"],
    [{ EDGE_MAX_BODY_BYTES: "-1" }, "EDGE_MAX_BODY_BYTES"],
    [{ EDGE_PUBLIC_URL: "http://edge.example.com" }, "EDGE_PUBLIC_URL"],
    [{ EDGE_SIGNING_KEY_SECRET: "bad name!" }, "EDGE_SIGNING_KEY_SECRET"],
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: "nonsense" }, "APPLICATIONINSIGHTS_CONNECTION_STRING"],
    [{ EDGE_TABLES_ENDPOINT: "https://a.table.core.windows.net", EDGE_TABLES_CONNECTION_STRING: "UseDevelopmentStorage=true" }, "EDGE_TABLES_ENDPOINT"],
  ];
  for (const [env, setting] of cases) {
    const error = configError(env);
    assert.equal(error.setting, setting, `${JSON.stringify(env)} → ${error.message}`);
    assert.match(error.message, new RegExp(`^${setting} `));
  }
});

test("every setting read is documented once in the SETTINGS table", () => {
  const names = SETTINGS.map((s) => s.name);
  assert.equal(new Set(names).size, names.length);
  for (const spec of SETTINGS) assert.ok(spec.description.length > 10, spec.name);
});

test("the README's settings table is generated from SETTINGS (npx tsx scripts/settings-table.ts --write)", async () => {
  const { readFileSync } = await import("node:fs");
  const { readmeTable, settingsTable } = await import("../../scripts/settings-table.ts");
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  assert.equal(readmeTable(readme), settingsTable());
});

test("local.settings.json.example names every setting", async () => {
  const { readFileSync } = await import("node:fs");
  const example = JSON.parse(readFileSync(new URL("../../local.settings.json.example", import.meta.url), "utf8")) as { Values: Record<string, string> };
  for (const spec of SETTINGS) assert.ok(spec.name in example.Values, `${spec.name} missing from local.settings.json.example`);
});

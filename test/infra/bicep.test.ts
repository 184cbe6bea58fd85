// Static checks of the Bicep under infra/ (no Azure, no Bicep compiler): built-in role ids, secrets,
// the Function app's settings, descriptions, azd wiring.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { bicepFiles, declarations, infraDir, listFiles, objectEntriesOf, read, rel, repoRoot, stripBicepComments } from "./bicep-source.ts";
import { BUILT_IN_ROLES, EDGE_APP_SETTINGS } from "./expected.ts";

const functionAppBicep = read(join(infraDir, "modules", "function-app.bicep"));
const mainBicep = read(join(infraDir, "main.bicep"));
const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

test("bicep: the expected modules exist", () => {
  const names = bicepFiles().map(rel).sort();
  for (const expected of [
    "infra/main.bicep",
    "infra/modules/apim-mcp-server.bicep",
    "infra/modules/apim.bicep",
    "infra/modules/builtin-roles.bicep",
    "infra/modules/content-safety.bicep",
    "infra/modules/entra-app-finish.bicep",
    "infra/modules/entra-app.bicep",
    "infra/modules/function-app.bicep",
    "infra/modules/function-key-secret.bicep",
    "infra/modules/identities.bicep",
    "infra/modules/keyvault.bicep",
    "infra/modules/monitoring.bicep",
    "infra/modules/storage.bicep",
    "infra/modules/types.bicep",
  ]) {
    assert.ok(names.includes(expected), `${expected} exists`);
  }
});

test("bicep: builtin-roles.bicep holds exactly the documented role table", () => {
  const source = read(join(infraDir, "modules", "builtin-roles.bicep"));
  const entries = objectEntriesOf(source, "builtInRoles");
  assert.deepEqual(
    [...entries].map(([key, value]) => [key, value.replace(/'/g, "")]).sort(),
    BUILT_IN_ROLES.map((r) => [r.key, r.id]).sort(),
  );
  // The comment table names each role next to its id.
  for (const role of BUILT_IN_ROLES) {
    assert.match(source, new RegExp(`//\\s*\\|\\s*${role.name}\\s*\\|\\s*${role.id}\\s*\\|`), `${role.name} is in the comment table`);
  }
});

test("bicep: every role assignment uses a documented built-in role, by name from the table", () => {
  const known = new Set(BUILT_IN_ROLES.map((r) => r.key));
  let assignments = 0;
  for (const file of bicepFiles()) {
    const code = stripBicepComments(read(file));
    const blocks = code.split(/(?=^resource\s)/m).filter((b) => /^resource\s+\w+\s+'Microsoft\.Authorization\/roleAssignments@/.test(b));
    for (const block of blocks) {
      assignments++;
      const m = /roleDefinitionId:\s*subscriptionResourceId\('Microsoft\.Authorization\/roleDefinitions',\s*builtInRoles\.(\w+)\)/.exec(block);
      assert.ok(m, `${rel(file)}: a role assignment names its role through builtInRoles: ${block.slice(0, 80)}`);
      assert.ok(known.has(m[1]!), `${rel(file)}: builtInRoles.${m[1]} is in the documented table`);
      assert.match(block, /name:\s*guid\(/, `${rel(file)}: role assignment names are deterministic guid()s`);
      assert.match(block, /principalType:/, `${rel(file)}: principalType is set (avoids replication races for new identities)`);
      assert.match(code, /^import \{ builtInRoles \} from 'builtin-roles\.bicep'/m);
    }
    if (!file.endsWith("builtin-roles.bicep")) {
      for (const role of BUILT_IN_ROLES) assert.ok(!code.includes(role.id), `${rel(file)} must not repeat the id of ${role.name}`);
    }
  }
  assert.ok(assignments >= 8, `found ${assignments} role assignments`);
});

test("bicep: the edge's identity gets exactly the roles the issue lists", () => {
  const all = bicepFiles().map((f) => stripBicepComments(read(f))).join("\n");
  for (const key of ["storageBlobDataOwner", "storageTableDataContributor", "keyVaultSecretsUser", "cognitiveServicesUser", "monitoringMetricsPublisher"]) {
    assert.match(all, new RegExp(`builtInRoles\\.${key}\\)\\s*\\n\\s*principalId: functionIdentityPrincipalId`), `Function identity has ${key}`);
  }
  assert.match(all, /builtInRoles\.keyVaultSecretsOfficer\)\s*\n\s*principalId: deployerPrincipalId/);
  assert.doesNotMatch(all, /keyVaultSecretsOfficer\)\s*\n\s*principalId: functionIdentityPrincipalId/, "the app only reads secrets");
});

test("bicep: no file under infra/ contains a secret, key or connection string literal", () => {
  const patterns: ReadonlyArray<readonly [string, RegExp]> = [
    ["storage connection string", /DefaultEndpointsProtocol=|AccountKey=|SharedAccessSignature=|SharedAccessKey(Name)?=/i],
    ["instrumentation key / ingestion endpoint literal", /InstrumentationKey=|IngestionEndpoint=/i],
    ["SAS signature", /[?&]sig=[A-Za-z0-9%+/=]{16,}/],
    ["private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
    ["JWT", /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
    ["SQL/Service Bus connection string", /Server=tcp:|Endpoint=sb:\/\//i],
    ["password or secret assignment", /\b(password|passwd|clientSecret|client_secret|apiKey|api_key)\b\s*[:=]\s*['"][^'"\s]{4,}['"]/i],
    ["long base64/hex literal", /['"][A-Za-z0-9+/]{40,}={0,2}['"]/],
  ];
  const files = [...listFiles(infraDir, [".bicep", ".json", ".xml", ".bicepparam"]), join(repoRoot, "azure.yaml")];
  for (const file of files) {
    const source = read(file);
    for (const [what, pattern] of patterns) assert.doesNotMatch(source, pattern, `${rel(file)} contains a ${what}`);
  }
});

test("bicep: secure parameters have no default, listKeys only feeds the Key Vault secret, outputs carry no secret", () => {
  for (const file of bicepFiles()) {
    const code = stripBicepComments(read(file));
    assert.doesNotMatch(code, /@secure\(\)\s*\n\s*param\s+\w+\s+\w+\s*=/, `${rel(file)}: a secure parameter has a default value`);
    for (const line of code.split("\n").filter((l) => /^output\s/.test(l))) {
      assert.doesNotMatch(line, /listKeys|listSecrets|\.keys\b|primaryKey|secondaryKey/i, `${rel(file)}: ${line}`);
    }
    const uses = code.match(/listKeys\(|listSecrets\(|listConnectionStrings\(/g) ?? [];
    if (file.endsWith("function-key-secret.bicep")) {
      assert.equal(uses.length, 1);
      assert.match(code, /value: listKeys\('\$\{functionApp\.id\}\/host\/default', '[0-9-]+'\)\.functionKeys\.default/);
    } else {
      assert.deepEqual(uses, [], `${rel(file)} must not list keys`);
    }
  }
});

test("bicep: the Function app's settings object holds exactly the edge's settings", () => {
  const settings = objectEntriesOf(functionAppBicep, "edgeAppSettings");
  assert.deepEqual([...settings.keys()].sort(), [...EDGE_APP_SETTINGS].sort());
  const platform = objectEntriesOf(functionAppBicep, "platformAppSettings");
  for (const name of platform.keys()) assert.match(name, /^AzureWebJobsStorage__/);
  assert.deepEqual([...platform.keys()].sort(), ["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__credential"]);
  assert.equal(platform.get("AzureWebJobsStorage__credential"), "'managedidentity'");
  assert.match(stripBicepComments(functionAppBicep), /properties: union\(platformAppSettings, edgeAppSettings\)/);
  // Values that the issue fixes.
  assert.equal(settings.get("AZURE_CLIENT_ID"), "functionIdentityClientId");
  assert.equal(settings.get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"), "'Authorization=AAD;ClientId=${functionIdentityClientId}'");
  assert.equal(settings.get("EDGE_AUDIENCES"), "'api://${edgeAppClientId},${edgeAppClientId}'");
  assert.equal(settings.get("EDGE_PUBLIC_URL"), "publicUrl");
  assert.match(stripBicepComments(functionAppBicep), /var publicUrl = 'https:\/\/\$\{functionApp\.properties\.defaultHostName\}'/);
  assert.equal(settings.get("APPLICATIONINSIGHTS_CONNECTION_STRING"), "applicationInsightsConnectionString", "a reference, never a literal");
  // Settings that must not exist on Flex Consumption or would reintroduce keys.
  const all = [...settings.keys(), ...platform.keys()];
  for (const forbidden of ["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "EDGE_TABLES_CONNECTION_STRING", "PORT", "EDGE_BIND", "EDGE_DATA_DIR"]) {
    assert.ok(!all.includes(forbidden), `${forbidden} is not set on Azure`);
  }
});

test("bicep: main.bicep's defaults match the documented ones", () => {
  const code = stripBicepComments(mainBicep);
  assert.match(code, /^param signingKeySecretName string = 'edge-signing-key'$/m);
  assert.match(code, /^param maxBodyBytes int = 1048576$/m);
  assert.match(code, /^param screenFailMode string = 'closed'$/m);
  assert.match(code, /^param trustedIssuers string = ''$/m);
  assert.match(code, /^param roleIssuers string = ''$/m);
  assert.match(code, /^param apimSku string = 'BasicV2'$/m);
  assert.match(code, /^targetScope = 'subscription'$/m);
});

test("bicep: the edge's tables are named in one place", () => {
  const code = stripBicepComments(mainBicep);
  const m = /var edgeTableNames = \[([^\]]*)\]/.exec(code);
  assert.ok(m);
  assert.deepEqual(m[1]!.split("\n").map((s) => s.trim().replace(/'/g, "")).filter(Boolean), ["sessions", "servers", "tools"]);
  for (const file of bicepFiles()) {
    const other = stripBicepComments(read(file)).replace(/var edgeTableNames = \[[^\]]*\]/, "");
    assert.doesNotMatch(other, /'(sessions|servers|tools)'/, `${rel(file)} repeats a table name`);
  }
});

test("bicep: storage, Key Vault, Content Safety and App Insights refuse keys", () => {
  const storage = stripBicepComments(read(join(infraDir, "modules", "storage.bicep")));
  assert.match(storage, /allowSharedKeyAccess: false/);
  assert.match(storage, /minimumTlsVersion: 'TLS1_2'/);
  assert.match(storage, /allowBlobPublicAccess: false/);
  const vault = stripBicepComments(read(join(infraDir, "modules", "keyvault.bicep")));
  assert.match(vault, /enableRbacAuthorization: true/);
  assert.match(vault, /enableSoftDelete: true/);
  assert.match(vault, /enablePurgeProtection: true/);
  const contentSafety = stripBicepComments(read(join(infraDir, "modules", "content-safety.bicep")));
  assert.match(contentSafety, /disableLocalAuth: true/);
  assert.match(contentSafety, /customSubDomainName: contentSafetyName/);
  assert.match(contentSafety, /kind: 'ContentSafety'/);
  const monitoring = stripBicepComments(read(join(infraDir, "modules", "monitoring.bicep")));
  assert.match(monitoring, /DisableLocalAuth: true/);
  assert.match(monitoring, /disableLocalAuth: true/);
});

test("bicep: the Function app is Flex Consumption, Node 22, user-assigned identity, identity-based deployment storage", () => {
  const code = stripBicepComments(functionAppBicep);
  assert.match(code, /name: 'FC1'\s*\n\s*tier: 'FlexConsumption'/);
  assert.match(code, /runtime: \{\s*\n\s*name: 'node'\s*\n\s*version: '22'/);
  assert.match(code, /type: 'UserAssigned'/);
  assert.match(code, /authentication: \{\s*\n\s*type: 'UserAssignedIdentity'\s*\n\s*userAssignedIdentityResourceId: functionIdentityId/);
  assert.match(code, /httpsOnly: true/);
  assert.match(code, /'azd-service-name': azdServiceName/);
});

test("bicep: the app registration has the scope, roles, v2 tokens, identifier URIs and federated credential", () => {
  const app = stripBicepComments(read(join(infraDir, "modules", "entra-app.bicep")));
  const finish = stripBicepComments(read(join(infraDir, "modules", "entra-app-finish.bicep")));
  for (const code of [app, finish]) assert.match(code, /^extension microsoftGraphV1$/m);
  assert.match(app, /requestedAccessTokenVersion: 2/);
  assert.match(app, /value: 'mcp\.tools'/);
  for (const role of ["Edge.Admin", "Edge.Exchange", "Edge.Screen"]) assert.match(app, new RegExp(`value: '${role.replace(".", "\\.")}'`));
  assert.match(app, /'federatedIdentityCredentials@v1\.0'/);
  assert.match(app, /AzureCloud: 'api:\/\/AzureADTokenExchange'/);
  assert.match(app, /subject: functionIdentityPrincipalId/);
  assert.match(app, /appRoleId: roleIds\.exchange/);
  assert.match(app, /appRoleId: roleIds\.screen/);
  assert.equal((app.match(/principalId: apimIdentityPrincipalId/g) ?? []).length, 2, "APIM gets Edge.Exchange and Edge.Screen");
  assert.match(finish, /'api:\/\/\$\{appId\}'/);
  assert.match(finish, /requiredResourceAccess:/);
  assert.match(finish, /'Microsoft\.Graph\/oauth2PermissionGrants@v1\.0'/);
  assert.match(finish, /consentType: 'AllPrincipals'/);
  const config = JSON.parse(read(join(infraDir, "bicepconfig.json"))) as { extensions: Record<string, string> };
  assert.equal(config.extensions.microsoftGraphV1, "br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0");
});

test("bicep: every param and output has a @description", () => {
  const missing: string[] = [];
  for (const file of bicepFiles()) {
    for (const d of declarations(read(file))) {
      if (!d.decorators.includes("@description(")) missing.push(`${rel(file)}:${d.line} ${d.kind} ${d.name}`);
    }
  }
  assert.deepEqual(missing, []);
});

test("bicep: main.parameters.json only sets parameters main.bicep declares, and no secret", () => {
  const parameters = JSON.parse(read(join(infraDir, "main.parameters.json"))) as { parameters: Record<string, { value: unknown }> };
  const declared = new Set(declarations(mainBicep).filter((d) => d.kind === "param").map((d) => d.name));
  for (const name of Object.keys(parameters.parameters)) assert.ok(declared.has(name), `${name} is a parameter of main.bicep`);
  assert.equal(parameters.parameters.environmentName?.value, "${AZURE_ENV_NAME}");
  assert.equal(parameters.parameters.location?.value, "${AZURE_LOCATION}");
  assert.equal(parameters.parameters.principalId?.value, "${AZURE_PRINCIPAL_ID}");
});

test("bicep: outputs azd needs are declared", () => {
  const outputs = new Set(declarations(mainBicep).filter((d) => d.kind === "output").map((d) => d.name));
  for (const name of ["EDGE_PUBLIC_URL", "APIM_GATEWAY_URL", "AZURE_TENANT_ID", "EDGE_APP_CLIENT_ID", "EDGE_IDENTITY_CLIENT_ID", "KEY_VAULT_URL", "EDGE_SIGNING_KEY_SECRET"]) {
    assert.ok(outputs.has(name), `output ${name}`);
  }
});

test("azure.yaml: Functions service with build and key hooks", () => {
  const path = join(repoRoot, "azure.yaml");
  assert.ok(existsSync(path));
  const yaml = read(path);
  assert.match(yaml, /^name: mcp-security-edge$/m);
  assert.match(yaml, /^services:\n {2}edge:\n {4}project: \.\n {4}language: ts\n {4}host: function$/m);
  assert.match(yaml, /^ {4}remoteBuild: false$/m, "the local bundle is what runs");
  assert.match(yaml, /^ {2}provider: bicep\n {2}path: infra$/m);
  assert.match(yaml, /prepackage:[\s\S]*run: npm run build/);
  assert.match(yaml, /postprovision:[\s\S]*npm run keys:rotate -- --if-missing/);
  assert.match(stripBicepComments(mainBicep), /var azdServiceName = 'edge'/, "main.bicep tags the Function app with the azure.yaml service name");
  assert.doesNotMatch(yaml, GUID, "no ids in azure.yaml");
});

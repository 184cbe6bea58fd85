// What the infrastructure must contain, in one place for the infra tests.

/**
 * Built-in Azure roles the edge assigns (ids are the same in every subscription, see
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles). The same table is in
 * infra/modules/builtin-roles.bicep; an assignment of any other role fails this test.
 */
export const BUILT_IN_ROLES: ReadonlyArray<{ key: string; name: string; id: string }> = [
  { key: "storageBlobDataOwner", name: "Storage Blob Data Owner", id: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b" },
  { key: "storageTableDataContributor", name: "Storage Table Data Contributor", id: "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3" },
  { key: "keyVaultSecretsUser", name: "Key Vault Secrets User", id: "4633458b-17de-408a-b874-0445c86b69e6" },
  { key: "keyVaultSecretsOfficer", name: "Key Vault Secrets Officer", id: "b86a8fe4-44ce-4948-aee5-eccb2c155cd7" },
  { key: "cognitiveServicesUser", name: "Cognitive Services User", id: "a97b65f3-24c7-4388-baec-2e87135dc908" },
  { key: "monitoringMetricsPublisher", name: "Monitoring Metrics Publisher", id: "3913510d-42f4-4e42-8a64-420c390055eb" },
];

/**
 * The settings the edge's configuration module reads on Azure, by name: the list agreed for issue 8,
 * plus the three the configuration module added since (EDGE_LOG_LEVEL and the two session tunables).
 */
export const EDGE_APP_SETTINGS: readonly string[] = [
  "AZURE_TENANT_ID",
  "AZURE_CLIENT_ID",
  "EDGE_APP_CLIENT_ID",
  "EDGE_PUBLIC_URL",
  "EDGE_TRUSTED_ISSUERS",
  "EDGE_ROLE_ISSUERS",
  "EDGE_AUDIENCES",
  "EDGE_RESOURCES",
  "EDGE_TABLES_ENDPOINT",
  "CONTENT_SAFETY_ENDPOINT",
  "KEY_VAULT_URL",
  "EDGE_SIGNING_KEY_SECRET",
  "APPLICATIONINSIGHTS_CONNECTION_STRING",
  "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
  "EDGE_MAX_BODY_BYTES",
  "EDGE_SCREEN_POLICY",
  "EDGE_SCREEN_FAIL_MODE",
  "EDGE_SCREEN_DEADLINE_MS",
  "EDGE_SCREEN_MAX_DOCUMENTS",
  "EDGE_SCREEN_ALLOWED_HOSTS",
  "EDGE_SCREEN_HARM_CATEGORIES",
  "EDGE_SESSION_IDLE_SECONDS",
  "EDGE_SESSION_LIFETIME_SECONDS",
  "EDGE_SESSION_MAX_PER_USER",
  "EDGE_SESSION_SLIDE_INTERVAL_SECONDS",
  "EDGE_SESSION_ROTATE_GRACE_SECONDS",
  "EDGE_LOG_LEVEL",
];

/** Platform settings: set on Azure for the Functions host, not read by the edge's configuration module. */
export const PLATFORM_SETTING_PATTERNS: readonly RegExp[] = [/^AzureWebJobsStorage__/, /^APPLICATIONINSIGHTS_AUTHENTICATION_STRING$/, /^FUNCTIONS_/];

/** Settings that only make sense locally: never on Azure (SETTINGS entries with scope "local" count too). */
export const LOCAL_ONLY_SETTINGS: readonly string[] = ["PORT", "EDGE_BIND", "EDGE_DATA_DIR", "EDGE_TABLES_CONNECTION_STRING"];

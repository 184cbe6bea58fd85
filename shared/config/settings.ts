// The one configuration module: every setting the edge reads, parsed and validated once at start-up.
// The SETTINGS table is data so that the README table, local.settings.json.example and the Bicep
// app settings can be checked against it by tests.
import { readFileSync } from "node:fs";
import { ConfigError } from "./errors.ts";
import { parseResourcePolicies, type ResourcePolicy } from "../tokens/policy.ts";
import { parsePolicy } from "../screening/engine.ts";
import type { VerdictPolicy } from "../screening/types.ts";
import { HARM_CATEGORIES, type HarmCategory } from "../prompt-shield/types.ts";
import {

  parseCsv,
  parseGuid,
  parseInteger,
  parseUrl,
  isLoopbackHost,
} from "./parse.ts";

export { ConfigError } from "./errors.ts";

export type SettingScope = "both" | "azure" | "local";

export interface SettingSpec {
  readonly name: string;
  readonly description: string;
  readonly default: string;
  /** Where the setting applies: `local` ones never appear in the Bicep app settings. */
  readonly scope: SettingScope;
  /** Secret values are redacted when settings are printed. */
  readonly secret?: boolean;
}

export const SETTINGS: ReadonlyArray<SettingSpec> = [
  { name: "PORT", scope: "local", default: "7071", description: "Port of the local host." },
  { name: "EDGE_BIND", scope: "local", default: "127.0.0.1", description: "Address the local host binds to. The development issuer is trusted only on a loopback address." },
  { name: "EDGE_PUBLIC_URL", scope: "both", default: "http://127.0.0.1:$PORT", description: "The edge's public base URL: `iss` of minted tokens and base of its metadata. Must be https on Azure." },
  { name: "AZURE_TENANT_ID", scope: "both", default: "(none)", description: "Entra tenant whose v1 and v2 issuers are trusted; `tid` of its tokens must match." },
  { name: "AZURE_CLIENT_ID", scope: "both", default: "(none)", description: "Client id of the user-assigned managed identity the app runs as." },
  { name: "EDGE_APP_CLIENT_ID", scope: "both", default: "(none)", description: "Client id of the edge's own Entra app registration (On-Behalf-Of, default audiences)." },
  { name: "EDGE_TRUSTED_ISSUERS", scope: "both", default: "(none)", description: "Comma-separated extra OIDC issuers to trust (exact `iss` strings; https, or http on loopback)." },
  { name: "EDGE_ROLE_ISSUERS", scope: "both", default: "tenant issuers, or the dev issuer", description: "Comma-separated issuers whose `roles` claim is honoured (app roles such as Edge.Admin)." },
  { name: "EDGE_AUDIENCES", scope: "both", default: "api://<EDGE_APP_CLIENT_ID>,<EDGE_APP_CLIENT_ID>; locally api://mcp-security-edge", description: "Comma-separated audiences accepted in inbound tokens." },
  { name: "EDGE_RESOURCES", scope: "both", default: "{}", description: "Token-exchange policy: JSON keyed by resource URI, inline or a path to a JSON file." },
  { name: "EDGE_TABLES_ENDPOINT", scope: "both", default: "(none)", description: "Table Storage endpoint, used with the managed identity (Azure)." },
  { name: "EDGE_TABLES_CONNECTION_STRING", scope: "local", default: "(Azurite started by the local host)", description: "Table Storage connection string, for emulators only.", secret: true },
  { name: "CONTENT_SAFETY_ENDPOINT", scope: "both", default: "(none: local engine only)", description: "Azure AI Content Safety endpoint (custom subdomain) for Prompt Shields." },
  { name: "KEY_VAULT_URL", scope: "both", default: "(none: dev key file)", description: "Key Vault holding the edge's signing key." },
  { name: "EDGE_SIGNING_KEY_SECRET", scope: "both", default: "edge-signing-key", description: "Name of the Key Vault secret holding the signing key (a private EC P-256 JWK)." },
  { name: "APPLICATIONINSIGHTS_CONNECTION_STRING", scope: "both", default: "(none: JSON lines on stdout)", description: "Application Insights connection string; audit events go there when set.", secret: true },
  { name: "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", scope: "azure", default: "(none)", description: "`Authorization=AAD;ClientId=<AZURE_CLIENT_ID>`: export telemetry with the managed identity." },
  { name: "EDGE_MAX_BODY_BYTES", scope: "both", default: "1048576", description: "Largest request body accepted, in bytes." },
  { name: "EDGE_DATA_DIR", scope: "local", default: "(none: in memory)", description: "Folder where the local host keeps Azurite's data; in memory when unset." },
  { name: "EDGE_LOG_LEVEL", scope: "both", default: "info", description: "`info` writes audit events; `silent` writes none to stdout (tests)." },
  { name: "EDGE_SCREEN_POLICY", scope: "both", default: "high=block,medium=flag,low=allow", description: "What each finding severity does to the screening verdict (`severity=allow|flag|block`, comma-separated)." },
  { name: "EDGE_SCREEN_FAIL_MODE", scope: "both", default: "closed", description: "When Content Safety is configured but does not answer in time: `closed` blocks (finding `screening_unavailable`); `local-fallback` uses the local engine alone and says so." },
  { name: "EDGE_SCREEN_DEADLINE_MS", scope: "both", default: "2000", description: "Deadline of the Content Safety calls of one screening, retries included (100..30000)." },
  { name: "EDGE_SCREEN_MAX_DOCUMENTS", scope: "both", default: "100", description: "Most documents (or JSON-RPC messages) in one screening request." },
  { name: "EDGE_SCREEN_HARM_CATEGORIES", scope: "both", default: "(none)", description: "Comma-separated Content Safety harm categories to analyze as well (`Hate`, `SelfHarm`, `Sexual`, `Violence`); needs CONTENT_SAFETY_ENDPOINT." },
  { name: "EDGE_SCREEN_ALLOWED_HOSTS", scope: "both", default: "(none)", description: "Comma-separated hosts that Markdown images and links may point to without an exfiltration finding." },
  { name: "EDGE_SESSION_IDLE_SECONDS", scope: "both", default: "1800", description: "Session idle timeout in seconds: the default, and the most a caller may ask for (10..604800)." },
  { name: "EDGE_SESSION_LIFETIME_SECONDS", scope: "both", default: "28800", description: "Absolute session lifetime in seconds (rotation does not extend it): the default, and the most a caller may ask for (60..2592000)." },
  { name: "EDGE_SESSION_MAX_PER_USER", scope: "both", default: "20", description: "Most active sessions per user; creating one more revokes the oldest (audited)." },
  { name: "EDGE_SESSION_SLIDE_INTERVAL_SECONDS", scope: "both", default: "60", description: "A validated session's idle expiry is written at most once per this interval (and at most every half idle timeout)." },
  { name: "EDGE_SESSION_ROTATE_GRACE_SECONDS", scope: "both", default: "0", description: "How long a rotated-away session id stays valid for in-flight requests (0..300)." },
];

export interface ScreeningSettings {
  readonly policy: VerdictPolicy;
  readonly failMode: "closed" | "local-fallback";
  readonly deadlineMs: number;
  readonly maxDocuments: number;
  readonly allowedHosts: readonly string[];
  readonly harmCategories: readonly HarmCategory[];
}

export type HostKind = "azure" | "local";

export interface TablesSettings {
  readonly endpoint?: string;
  readonly connectionString?: string;
}

/** Session limits (issue 7); durations in seconds. */
export interface SessionSettings {
  /** Default and maximum idle timeout. */
  readonly idleSeconds: number;
  /** Default and maximum absolute lifetime. */
  readonly lifetimeSeconds: number;
  readonly maxPerUser: number;
  readonly slideIntervalSeconds: number;
  readonly rotateGraceSeconds: number;
}

export interface Settings {
  readonly host: HostKind;
  readonly port: number;
  readonly bind: string;
  readonly publicUrl: URL;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly appClientId?: string;
  readonly trustedIssuers: readonly string[];
  readonly roleIssuers: readonly string[];
  readonly audiences: readonly string[];
  /** True when no issuer is configured and the host is loopback-only. */
  readonly devIssuer: boolean;
  /** The token-exchange policy, keyed by resource URI. */
  readonly resources: ReadonlyMap<string, ResourcePolicy>;
  readonly tables: TablesSettings;
  readonly contentSafetyEndpoint?: URL;
  readonly keyVaultUrl?: URL;
  readonly signingKeySecret: string;
  readonly appInsightsConnectionString?: string;
  readonly appInsightsAuthentication?: string;
  readonly maxBodyBytes: number;
  readonly dataDir?: string;
  readonly logLevel: "info" | "silent";
  readonly sessions: SessionSettings;
  readonly screening: ScreeningSettings;
}

/** The issuer string of the built-in development issuer (trusted only on loopback, never on Azure). */
export const DEV_ISSUER = "urn:mcp-security-edge:dev-issuer";
/** The edge's own audience in local runs. */
export const LOCAL_AUDIENCE = "api://mcp-security-edge";

/** `iss` of edge-minted tokens: EDGE_PUBLIC_URL without a trailing slash. */
export function edgeIssuer(settings: Pick<Settings, "publicUrl">): string {
  return settings.publicUrl.href.replace(/\/+$/, "");
}

export function entraIssuers(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates every setting; throws ConfigError naming the first bad setting. */
export function loadSettings(env: Env = process.env, host: HostKind = detectHost(env)): Settings {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === "" ? undefined : value;
  };

  const port = parseInteger("PORT", get("PORT") ?? "7071", { min: 0, max: 65535 });
  const bind = get("EDGE_BIND") ?? "127.0.0.1";
  const publicUrl = parseUrl("EDGE_PUBLIC_URL", get("EDGE_PUBLIC_URL") ?? `http://127.0.0.1:${port}`, {
    allowPath: true,
  });
  if (host === "azure" && publicUrl.protocol !== "https:") {
    throw new ConfigError("EDGE_PUBLIC_URL", "must be an https URL on Azure");
  }
  if (publicUrl.protocol === "http:" && !isLoopbackHost(publicUrl.hostname)) {
    throw new ConfigError("EDGE_PUBLIC_URL", "may use http only on a loopback host");
  }

  const tenantId = optional(get("AZURE_TENANT_ID"), (v) => parseGuid("AZURE_TENANT_ID", v));
  const clientId = optional(get("AZURE_CLIENT_ID"), (v) => parseGuid("AZURE_CLIENT_ID", v));
  const appClientId = optional(get("EDGE_APP_CLIENT_ID"), (v) => parseGuid("EDGE_APP_CLIENT_ID", v));

  const extraIssuers = parseCsv(get("EDGE_TRUSTED_ISSUERS"));
  for (const issuer of extraIssuers) {
    const url = parseUrl("EDGE_TRUSTED_ISSUERS", issuer, { allowPath: true });
    if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
      throw new ConfigError("EDGE_TRUSTED_ISSUERS", `issuer ${issuer} must be https (http only on loopback)`);
    }
  }
  const configuredIssuers = [...(tenantId ? entraIssuers(tenantId) : []), ...extraIssuers];
  const loopbackOnly = isLoopbackHost(bind) && isLoopbackHost(publicUrl.hostname);
  const devIssuer = configuredIssuers.length === 0 && host === "local" && loopbackOnly;
  if (configuredIssuers.length === 0 && !devIssuer) {
    throw new ConfigError(
      "AZURE_TENANT_ID",
      host === "azure"
        ? "set AZURE_TENANT_ID or EDGE_TRUSTED_ISSUERS: the development issuer is never trusted on Azure"
        : "set AZURE_TENANT_ID or EDGE_TRUSTED_ISSUERS: the development issuer is trusted only when EDGE_BIND and EDGE_PUBLIC_URL are loopback",
    );
  }
  const trustedIssuers = devIssuer ? [DEV_ISSUER] : unique(configuredIssuers);

  const roleIssuers = parseCsv(get("EDGE_ROLE_ISSUERS"));
  for (const issuer of roleIssuers) {
    if (!trustedIssuers.includes(issuer)) {
      throw new ConfigError("EDGE_ROLE_ISSUERS", `${issuer} is not a trusted issuer`);
    }
  }
  const effectiveRoleIssuers =
    roleIssuers.length > 0 ? roleIssuers : devIssuer ? [DEV_ISSUER] : tenantId ? entraIssuers(tenantId) : [];

  let audiences = parseCsv(get("EDGE_AUDIENCES"));
  if (audiences.length === 0) {
    if (appClientId) audiences = [`api://${appClientId}`, appClientId];
    else if (host === "local") audiences = [LOCAL_AUDIENCE];
    else throw new ConfigError("EDGE_AUDIENCES", "set EDGE_AUDIENCES or EDGE_APP_CLIENT_ID");
  }

  const resources = parseResourcePolicies(parseResources(get("EDGE_RESOURCES")));

  const tables: TablesSettings = {
    ...optionalField("endpoint", get("EDGE_TABLES_ENDPOINT"), (v) => parseUrl("EDGE_TABLES_ENDPOINT", v).toString()),
    ...optionalField("connectionString", get("EDGE_TABLES_CONNECTION_STRING"), (v) => v),
  };
  if (tables.endpoint && tables.connectionString) {
    throw new ConfigError("EDGE_TABLES_ENDPOINT", "set either EDGE_TABLES_ENDPOINT or EDGE_TABLES_CONNECTION_STRING, not both");
  }
  if (host === "azure" && !tables.endpoint && !tables.connectionString) {
    throw new ConfigError("EDGE_TABLES_ENDPOINT", "is required on Azure");
  }

  const contentSafetyEndpoint = optional(get("CONTENT_SAFETY_ENDPOINT"), (v) => parseUrl("CONTENT_SAFETY_ENDPOINT", v));
  const keyVaultUrl = optional(get("KEY_VAULT_URL"), (v) => parseUrl("KEY_VAULT_URL", v));
  if (host === "azure" && !keyVaultUrl) throw new ConfigError("KEY_VAULT_URL", "is required on Azure");
  const signingKeySecret = get("EDGE_SIGNING_KEY_SECRET") ?? "edge-signing-key";
  if (!/^[0-9A-Za-z-]{1,127}$/.test(signingKeySecret)) {
    throw new ConfigError("EDGE_SIGNING_KEY_SECRET", "must be 1-127 letters, digits and dashes (a Key Vault secret name)");
  }

  const appInsightsConnectionString = get("APPLICATIONINSIGHTS_CONNECTION_STRING");
  if (appInsightsConnectionString && !/InstrumentationKey=/i.test(appInsightsConnectionString)) {
    throw new ConfigError("APPLICATIONINSIGHTS_CONNECTION_STRING", "is not an Application Insights connection string");
  }

  const maxBodyBytes = parseInteger("EDGE_MAX_BODY_BYTES", get("EDGE_MAX_BODY_BYTES") ?? "1048576", {
    min: 1024,
    max: 100 * 1024 * 1024,
  });
  const logLevel = get("EDGE_LOG_LEVEL") ?? "info";
  if (logLevel !== "info" && logLevel !== "silent") {
    throw new ConfigError("EDGE_LOG_LEVEL", "must be info or silent");
  }

  const sessions = parseSessionSettings(get);
  const screening = parseScreeningSettings(get);

  return {
    host,
    port,
    bind,
    publicUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(clientId ? { clientId } : {}),
    ...(appClientId ? { appClientId } : {}),
    trustedIssuers,
    roleIssuers: effectiveRoleIssuers,
    audiences: unique(audiences),
    devIssuer,
    resources,
    tables,
    ...(contentSafetyEndpoint ? { contentSafetyEndpoint } : {}),
    ...(keyVaultUrl ? { keyVaultUrl } : {}),
    signingKeySecret,
    ...(appInsightsConnectionString ? { appInsightsConnectionString } : {}),
    ...optionalField("appInsightsAuthentication", get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"), (v) => v),
    maxBodyBytes,
    ...optionalField("dataDir", get("EDGE_DATA_DIR"), (v) => v),
    logLevel,
    sessions,
    screening,
  };
}

function parseScreeningSettings(get: (name: string) => string | undefined): ScreeningSettings {
  let policy: VerdictPolicy;
  try {
    policy = parsePolicy(get("EDGE_SCREEN_POLICY") ?? "high=block,medium=flag,low=allow");
  } catch {
    throw new ConfigError("EDGE_SCREEN_POLICY", "must be like high=block,medium=flag,low=allow");
  }
  const failMode = get("EDGE_SCREEN_FAIL_MODE") ?? "closed";
  if (failMode !== "closed" && failMode !== "local-fallback") throw new ConfigError("EDGE_SCREEN_FAIL_MODE", "must be closed or local-fallback");
  const deadlineMs = parseInteger("EDGE_SCREEN_DEADLINE_MS", get("EDGE_SCREEN_DEADLINE_MS") ?? "2000", { min: 100, max: 30_000 });
  const maxDocuments = parseInteger("EDGE_SCREEN_MAX_DOCUMENTS", get("EDGE_SCREEN_MAX_DOCUMENTS") ?? "100", { min: 1, max: 10_000 });
  const allowedHosts = parseCsv(get("EDGE_SCREEN_ALLOWED_HOSTS")).map((host) => host.toLowerCase());
  for (const host of allowedHosts) {
    if (!/^[a-z0-9.-]{1,253}$/.test(host)) throw new ConfigError("EDGE_SCREEN_ALLOWED_HOSTS", `${host.slice(0, 60)} is not a host name`);
  }
  const harmCategories = parseCsv(get("EDGE_SCREEN_HARM_CATEGORIES"));
  for (const category of harmCategories) {
    if (!(HARM_CATEGORIES as readonly string[]).includes(category)) {
      throw new ConfigError("EDGE_SCREEN_HARM_CATEGORIES", `${category.slice(0, 40)} is not one of ${HARM_CATEGORIES.join(", ")}`);
    }
  }
  if (harmCategories.length > 0 && !get("CONTENT_SAFETY_ENDPOINT")) {
    throw new ConfigError("EDGE_SCREEN_HARM_CATEGORIES", "needs CONTENT_SAFETY_ENDPOINT");
  }
  return { policy, failMode, deadlineMs, maxDocuments, allowedHosts, harmCategories: harmCategories as HarmCategory[] };
}

function parseSessionSettings(get: (name: string) => string | undefined): SessionSettings {
  const idleSeconds = parseInteger("EDGE_SESSION_IDLE_SECONDS", get("EDGE_SESSION_IDLE_SECONDS") ?? "1800", { min: 10, max: 7 * 86_400 });
  const lifetimeSeconds = parseInteger("EDGE_SESSION_LIFETIME_SECONDS", get("EDGE_SESSION_LIFETIME_SECONDS") ?? "28800", {
    min: 60,
    max: 30 * 86_400,
  });
  if (idleSeconds > lifetimeSeconds) {
    throw new ConfigError("EDGE_SESSION_IDLE_SECONDS", `must not exceed EDGE_SESSION_LIFETIME_SECONDS (${lifetimeSeconds})`);
  }
  const maxPerUser = parseInteger("EDGE_SESSION_MAX_PER_USER", get("EDGE_SESSION_MAX_PER_USER") ?? "20", { min: 1, max: 1000 });
  const slideIntervalSeconds = parseInteger("EDGE_SESSION_SLIDE_INTERVAL_SECONDS", get("EDGE_SESSION_SLIDE_INTERVAL_SECONDS") ?? "60", {
    min: 1,
    max: 3600,
  });
  if (slideIntervalSeconds >= idleSeconds) {
    throw new ConfigError("EDGE_SESSION_SLIDE_INTERVAL_SECONDS", `must be less than EDGE_SESSION_IDLE_SECONDS (${idleSeconds})`);
  }
  const rotateGraceSeconds = parseInteger("EDGE_SESSION_ROTATE_GRACE_SECONDS", get("EDGE_SESSION_ROTATE_GRACE_SECONDS") ?? "0", {
    min: 0,
    max: 300,
  });
  return { idleSeconds, lifetimeSeconds, maxPerUser, slideIntervalSeconds, rotateGraceSeconds };
}

/** Azure App Service sets WEBSITE_INSTANCE_ID on every instance; `func start` and the local host do not. */
export function detectHost(env: Env): HostKind {
  return env.WEBSITE_INSTANCE_ID ? "azure" : "local";
}

/** The settings in effect, for printing: secrets redacted. */
export function describeSettings(settings: Settings, env: Env = process.env): Array<[string, string]> {
  return SETTINGS.map((spec) => {
    const raw = env[spec.name]?.trim();
    if (!raw) return [spec.name, `${spec.default} (default)`];
    return [spec.name, spec.secret ? "[REDACTED]" : raw];
  }).concat([["(trusted issuers)", settings.trustedIssuers.join(", ")], ["(audiences)", settings.audiences.join(", ")]]) as Array<
    [string, string]
  >;
}

function parseResources(raw: string | undefined): unknown {
  if (!raw) return {};
  let text = raw;
  if (!raw.startsWith("{")) {
    try {
      text = readFileSync(raw, "utf8");
    } catch {
      throw new ConfigError("EDGE_RESOURCES", "is neither inline JSON nor a readable JSON file");
    }
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
    return value;
  } catch {
    throw new ConfigError("EDGE_RESOURCES", "is not a JSON object keyed by resource URI");
  }
}

function optional<T>(value: string | undefined, parse: (v: string) => T): T | undefined {
  return value === undefined ? undefined : parse(value);
}

function optionalField<K extends string, T>(key: K, value: string | undefined, parse: (v: string) => T): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: parse(value) }) as { [P in K]?: T };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}



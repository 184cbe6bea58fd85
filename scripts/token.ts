// `npm run token -- --sub alice --scope mcp.tools`: prints a user access token from the built-in
// development issuer (only the token on stdout, so TOKEN=$(npm run -s token -- ...) works).
// `--client <id> --role <role>` prints an app-only workload token instead; `--aud` picks the audience.
import { parseArgs } from "node:util";
import { ConfigError, loadSettings } from "../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey, mintDevToken } from "../shared/identity/dev-issuer.ts";
import { localKeyDir } from "../functions/services.ts";

const usage = "usage: npm run token -- [--sub <user> | --client <client-id>] [--scope <s>]... [--role <r>]... [--aud <audience>] [--ttl <seconds>]";

try {
  const { values } = parseArgs({
    options: {
      sub: { type: "string" },
      client: { type: "string" },
      scope: { type: "string", multiple: true },
      role: { type: "string", multiple: true },
      aud: { type: "string" },
      azp: { type: "string" },
      ttl: { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  if (values.sub && values.client) throw new Error("--sub and --client exclude each other");
  const settings = loadSettings(process.env, "local");
  if (!settings.devIssuer) throw new Error("the development issuer is not in use (an issuer is configured)");
  const ttl = values.ttl ? Number(values.ttl) : 3600;
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > 86_400) throw new Error("--ttl must be 1..86400 seconds");
  const key = await loadOrCreateDevIssuerKey(localKeyDir(settings));
  const scopes = (values.scope ?? []).flatMap((s) => s.split(" ")).filter(Boolean);
  const token = await mintDevToken(key, {
    ...(values.client ? { client: values.client } : { sub: values.sub ?? "alice" }),
    audience: values.aud ?? (settings.audiences[0] as string),
    scopes,
    roles: values.role ?? [],
    ttlSeconds: ttl,
    ...(values.azp ? { azp: values.azp } : {}),
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`token: ${message}\n${usage}\n`);
  process.exit(2);
}

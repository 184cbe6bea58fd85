// A local double of Azure Key Vault's secrets REST API over HTTPS: the bearer challenge (401 with
// WWW-Authenticate naming the resource), list versions, get a version, set (new version), and update
// attributes. Modes: ok, down (503 on every call).
import { randomBytes } from "node:crypto";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { selfSigned } from "./tls.ts";

interface Version {
  id: string;
  value: string;
  enabled: boolean;
  created: number;
}

export interface KeyVaultDouble {
  readonly url: string;
  mode: "ok" | "down";
  /** Versions by secret name, oldest first. */
  readonly secrets: Map<string, Version[]>;
  readonly credential: TokenCredential;
  readonly trustPolicy: PipelinePolicy;
  close(): Promise<void>;
}

const TOKEN = "key-vault-test-token";

export async function startKeyVaultDouble(): Promise<KeyVaultDouble> {
  const tls = selfSigned();
  const { agent, policy } = tls.trustPolicy();
  const state = { mode: "ok" as "ok" | "down" };
  const secrets = new Map<string, Version[]>();
  let base = "";
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
      const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });
      if (state.mode === "down") return error(503, "ServiceUnavailable", "The service is unavailable");
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        return json(401, { error: { code: "Unauthorized", message: "AKV10000: Request is missing a Bearer or PoP token." } }, {
          "WWW-Authenticate": 'Bearer authorization="https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000", resource="https://vault.azure.net"',
        });
      }
      const url = new URL(req.url ?? "/", base);
      if (!url.searchParams.get("api-version")) return error(400, "MissingApiVersionParameter", "api-version is required");
      const [, collection, name, version, extra] = url.pathname.split("/");
      if (collection !== "secrets" || !name) return error(404, "NotFound", "not found");
      const list = secrets.get(name) ?? [];
      const bundle = (v: Version, withValue: boolean) => ({
        ...(withValue ? { value: v.value } : {}),
        id: `${base}/secrets/${name}/${v.id}`,
        contentType: "application/jwk+json",
        attributes: { enabled: v.enabled, created: v.created, updated: v.created, recoveryLevel: "Recoverable+Purgeable" },
      });
      if (req.method === "GET" && version === "versions" && !extra) {
        if (list.length === 0) return error(404, "SecretNotFound", `A secret with (name/id) ${name} was not found in this key vault.`);
        return json(200, { value: list.map((v) => bundle(v, false)), nextLink: null });
      }
      if (req.method === "GET" && version) {
        const found = list.find((v) => v.id === version);
        return found ? json(200, bundle(found, true)) : error(404, "SecretNotFound", "not found");
      }
      if (req.method === "PUT" && !version) {
        const body = JSON.parse(raw) as { value: string };
        const created: Version = { id: randomBytes(16).toString("hex"), value: body.value, enabled: true, created: Math.floor(Date.now() / 1000) };
        secrets.set(name, [...list, created]);
        return json(200, bundle(created, true));
      }
      if (req.method === "PATCH" && version) {
        const found = list.find((v) => v.id === version);
        if (!found) return error(404, "SecretNotFound", "not found");
        const body = JSON.parse(raw) as { attributes?: { enabled?: boolean } };
        if (typeof body.attributes?.enabled === "boolean") found.enabled = body.attributes.enabled;
        return json(200, bundle(found, false));
      }
      return error(405, "MethodNotAllowed", "method not allowed");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    get mode() {
      return state.mode;
    },
    set mode(value: "ok" | "down") {
      state.mode = value;
    },
    secrets,
    credential: { getToken: async (): Promise<AccessToken> => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    trustPolicy: policy,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

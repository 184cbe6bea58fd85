// A local double of the Entra ID v2 token endpoint for On-Behalf-Of, speaking its real form-encoded
// request and JSON response/error contract over HTTP.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type EntraMode = "ok" | "interaction_required" | "consent_required" | "invalid_grant" | "server_error" | "slow" | "invalid_client";

export interface EntraDouble {
  readonly authority: string;
  mode: EntraMode;
  readonly requests: URLSearchParams[];
  close(): Promise<void>;
}

export const MI_ASSERTION = "managed-identity-assertion-for-tests";

export async function startEntraDouble(tenantId: string, appClientId: string): Promise<EntraDouble> {
  const state = { mode: "ok" as EntraMode };
  const requests: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      requests.push(form);
      const json = (status: number, value: unknown) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(value));
      if (req.method !== "POST" || req.url !== `/${tenantId}/oauth2/v2.0/token`) return json(404, { error: "invalid_request" });
      // The request shape of the OBO flow (learn.microsoft.com: v2-oauth2-on-behalf-of-flow).
      if (
        form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer" ||
        form.get("requested_token_use") !== "on_behalf_of" ||
        form.get("client_id") !== appClientId ||
        form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" ||
        !form.get("assertion") ||
        !form.get("scope")
      ) {
        return json(400, { error: "invalid_request", error_description: "AADSTS900144: malformed", error_codes: [900144] });
      }
      if (form.get("client_assertion") !== MI_ASSERTION || state.mode === "invalid_client") {
        return json(401, { error: "invalid_client", error_description: "AADSTS700211: No matching federated identity record found", error_codes: [700211] });
      }
      switch (state.mode) {
        case "interaction_required":
          return json(400, {
            error: "interaction_required",
            error_description: "AADSTS50079: Due to a configuration change made by your administrator, you must enroll in MFA.",
            error_codes: [50079],
            claims: '{"access_token":{"polids":{"essential":true,"values":["9ab03e19-ed42-4168-b6b7-7001fb3e933a"]}}}',
          });
        case "consent_required":
          return json(400, { error: "invalid_grant", error_description: "AADSTS65001: The user or administrator has not consented", error_codes: [65001], suberror: "consent_required" });
        case "invalid_grant":
          return json(400, { error: "invalid_grant", error_description: "AADSTS50013: Assertion failed signature validation", error_codes: [50013] });
        case "server_error":
          return json(500, { error: "temporarily_unavailable", error_description: "AADSTS90033: A transient error has occurred." });
        case "slow":
          setTimeout(() => json(200, {}), 10_000).unref();
          return;
        default:
          return json(200, {
            token_type: "Bearer",
            scope: form.get("scope"),
            expires_in: 3599,
            ext_expires_in: 3599,
            access_token: `entra-obo-token-${requests.length}`,
          });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    authority: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get mode() {
      return state.mode;
    },
    set mode(value: EntraMode) {
      state.mode = value;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

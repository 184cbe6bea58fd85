// `npm run example`: the protected weather MCP server on :3001 and its forecast API on :3002, against
// the local edge (`npm start`, see README.md here). Settings (environment):
//   EDGE_URL          the edge (default http://127.0.0.1:7071)
//   PORT              the MCP server's port (default 3001; its resource is http://127.0.0.1:PORT/mcp)
//   FORECAST_PORT     the forecast API's port (default 3002; resource http://127.0.0.1:FORECAST_PORT/forecast)
//   WORKLOAD_TOKEN    this server's token for the edge; without it, one is minted by the development
//                     issuer (client id `weather-mcp`, roles Edge.Exchange and Edge.Screen), whose key
//                     is in EDGE_DATA_DIR or ./.local — the same one `npm start` and `npm run token` use.
//   EDGE_AUDIENCE     `aud` of that workload token (default api://mcp-security-edge)
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { EdgeClient, type TrustedIssuer } from "mcp-security-edge/client";
import { DEV_ISSUER, LOCAL_AUDIENCE } from "../../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey, mintDevToken } from "../../shared/identity/dev-issuer.ts";
import { createForecastApi } from "./forecast-api.ts";
import { createWeatherMcpServer } from "./server.ts";

const WORKLOAD_CLIENT_ID = "weather-mcp";
const env = process.env;
const edgeUrl = env.EDGE_URL ?? "http://127.0.0.1:7071";
const port = Number(env.PORT ?? 3001);
const forecastPort = Number(env.FORECAST_PORT ?? 3002);
const resource = `http://127.0.0.1:${port}/mcp`;
const forecastResource = `http://127.0.0.1:${forecastPort}/forecast`;

const devKey = await loadOrCreateDevIssuerKey(env.EDGE_DATA_DIR ?? join(process.cwd(), ".local"));
let workload: { token: string; until: number } | undefined;
async function getWorkloadToken(): Promise<string> {
  if (env.WORKLOAD_TOKEN) return env.WORKLOAD_TOKEN;
  if (!workload || Date.now() > workload.until) {
    const token = await mintDevToken(devKey, {
      client: WORKLOAD_CLIENT_ID,
      audience: env.EDGE_AUDIENCE ?? LOCAL_AUDIENCE,
      roles: ["Edge.Exchange", "Edge.Screen"],
      ttlSeconds: 3600,
    });
    workload = { token, until: Date.now() + 3_000_000 };
  }
  return workload.token;
}

const edge = new EdgeClient({ edgeUrl, getWorkloadToken });
// Standalone: user tokens of the development issuer for this server's resource are accepted as well.
const trustedIssuers: TrustedIssuer[] = [{ issuer: DEV_ISSUER, jwks: devKey.jwks }];
const weather = createWeatherMcpServer({
  resource,
  edge,
  trustedIssuers,
  forecastApi: forecastResource,
  onEvent: (event) => process.stderr.write(`edge: ${JSON.stringify(event)}\n`),
});

const listen = (server: Server, p: number): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(p, "127.0.0.1", () => resolve());
  });
const mcp = createServer(weather.listener);
const forecast = createServer(createForecastApi({ resource: forecastResource, edgeUrl }));
await listen(forecast, forecastPort);
await listen(mcp, port);
process.stderr.write(
  [
    `Weather MCP server: ${resource}   (protected-resource metadata: ${weather.protect.metadataUrls[0]})`,
    `Forecast API:       ${forecastResource}`,
    `Edge:               ${edgeUrl}`,
    "",
    "Try it:",
    `  TOKEN=$(npm run -s token -- --aud ${resource} --sub alice --scope mcp.tools)`,
    "  TOKEN=$TOKEN npm run example:client",
    "",
  ].join("\n"),
);

const shutdown = (): void => {
  void weather.close().finally(() => {
    mcp.closeAllConnections();
    forecast.closeAllConnections();
    mcp.close();
    forecast.close();
    process.exit(0);
  });
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

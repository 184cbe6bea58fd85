// The one route table. The Functions entry point registers each row with app.http; the local host
// serves the same rows over node:http. Routes are exact (host.json routePrefix is "").
import { health, ready } from "./health.ts";
import { notFound } from "./not-found.ts";
import { tokenExchange } from "./token-exchange.ts";
import { screen } from "./screen.ts";
import { authorizationServerMetadata, jwks } from "./well-known.ts";
import { rotateSession, sessionItem, sessionsCollection } from "./sessions.ts";
import { approveTools, listServers, serverItem, verifyTools } from "./servers.ts";
import { ALL_METHODS, type RouteDefinition } from "./http/route.ts";

export const ROUTES: readonly RouteDefinition[] = [
  { name: "health", route: "api/health", methods: ["GET"], access: "anonymous", handler: health },
  { name: "ready", route: "api/ready", methods: ["GET"], access: "functionKey", handler: ready },
  { name: "jwks", route: ".well-known/jwks.json", methods: ["GET"], access: "anonymous", handler: jwks },
  { name: "oauthMetadata", route: ".well-known/oauth-authorization-server", methods: ["GET"], access: "anonymous", handler: authorizationServerMetadata },
  { name: "oauthMetadataForPath", route: ".well-known/oauth-authorization-server/{*issuerPath}", methods: ["GET"], access: "anonymous", handler: authorizationServerMetadata },
  { name: "screen", route: "api/screen", methods: ["POST"], access: "screen", handler: screen },
  { name: "tokenExchange", route: "api/token-exchange", methods: ["POST"], access: "client", errorFormat: "oauth", handler: tokenExchange },
  { name: "sessions", route: "api/sessions", methods: ["POST", "DELETE"], access: "user", handler: sessionsCollection },
  { name: "session", route: "api/sessions/{sessionId}", methods: ["GET", "DELETE"], access: "user", handler: sessionItem },
  { name: "sessionRotate", route: "api/sessions/{sessionId}/rotate", methods: ["POST"], access: "user", handler: rotateSession },
  { name: "servers", route: "api/servers", methods: ["GET"], access: "admin", handler: listServers },
  { name: "server", route: "api/servers/{serverId}", methods: ["GET", "PUT", "DELETE"], access: "admin", handler: serverItem },
  { name: "serverToolsApprove", route: "api/servers/{serverId}/tools/approve", methods: ["POST"], access: "admin", handler: approveTools },
  { name: "serverToolsVerify", route: "api/servers/{serverId}/tools/verify", methods: ["POST"], access: "screen", handler: verifyTools },
  // Must stay last: the catch-all has the lowest priority on Azure and in the local host.
  { name: "notFound", route: "{*path}", methods: ALL_METHODS, access: "anonymous", handler: notFound },
];

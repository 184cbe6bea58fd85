// The one route table. The Functions entry point registers each row with app.http; the local host
// serves the same rows over node:http. Routes are exact (host.json routePrefix is "").
import { health, ready } from "./health.ts";
import { notFound } from "./not-found.ts";
import { tokenExchange } from "./token-exchange.ts";
import { authorizationServerMetadata, jwks } from "./well-known.ts";
import { ALL_METHODS, type RouteDefinition } from "./http/route.ts";

export const ROUTES: readonly RouteDefinition[] = [
  { name: "health", route: "api/health", methods: ["GET"], access: "anonymous", handler: health },
  { name: "ready", route: "api/ready", methods: ["GET"], access: "functionKey", handler: ready },
  { name: "jwks", route: ".well-known/jwks.json", methods: ["GET"], access: "anonymous", handler: jwks },
  { name: "oauthMetadata", route: ".well-known/oauth-authorization-server", methods: ["GET"], access: "anonymous", handler: authorizationServerMetadata },
  { name: "oauthMetadataForPath", route: ".well-known/oauth-authorization-server/{*issuerPath}", methods: ["GET"], access: "anonymous", handler: authorizationServerMetadata },
  { name: "tokenExchange", route: "api/token-exchange", methods: ["POST"], access: "client", errorFormat: "oauth", handler: tokenExchange },
  // Must stay last: the catch-all has the lowest priority on Azure and in the local host.
  { name: "notFound", route: "{*path}", methods: ALL_METHODS, access: "anonymous", handler: notFound },
];

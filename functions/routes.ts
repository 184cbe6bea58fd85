// The one route table. The Functions entry point registers each row with app.http; the local host
// serves the same rows over node:http. Routes are exact (host.json routePrefix is "").
import { health, ready } from "./health.ts";
import { notFound } from "./not-found.ts";
import { ALL_METHODS, type RouteDefinition } from "./http/route.ts";

export const ROUTES: readonly RouteDefinition[] = [
  { name: "health", route: "api/health", methods: ["GET"], access: "anonymous", handler: health },
  { name: "ready", route: "api/ready", methods: ["GET"], access: "functionKey", handler: ready },
  // Must stay last: the catch-all has the lowest priority on Azure and in the local host.
  { name: "notFound", route: "{*path}", methods: ALL_METHODS, access: "anonymous", handler: notFound },
];

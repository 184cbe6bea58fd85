// Registers the route table with the Azure Functions host. Every route takes every method (the
// pipeline answers 405 with Allow) so that Azure answers exactly like the local host. The timer table
// is registered with app.timer.
import type { HttpFunctionOptions, TimerFunctionOptions } from "./http/azure-functions.ts";
import { createHandler, type ServicesProvider } from "./http/pipeline.ts";
import { ALL_METHODS, type Access } from "./http/route.ts";
import { ROUTES } from "./routes.ts";
import { TIMERS } from "./timers.ts";

export interface FunctionsRegistry {
  http(name: string, options: HttpFunctionOptions): void;
  timer(name: string, options: TimerFunctionOptions): void;
}

export function authLevelOf(access: Access): "anonymous" | "function" {
  return access === "anonymous" ? "anonymous" : "function";
}

export function registerFunctions(registry: FunctionsRegistry, getServices: ServicesProvider): void {
  for (const route of ROUTES) {
    registry.http(route.name, {
      methods: ALL_METHODS,
      route: route.route,
      authLevel: authLevelOf(route.access),
      handler: createHandler(route, getServices),
    });
  }
  for (const timer of TIMERS) {
    registry.timer(timer.name, {
      schedule: timer.schedule,
      runOnStartup: false,
      handler: async () => {
        // A failure is audited by the timer and reported to the Functions host by the rejection.
        await timer.run(await getServices());
      },
    });
  }
}

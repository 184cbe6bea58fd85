// Azure Functions entry point (package.json "main" points at its bundle, dist/index.js).
import { app } from "./http/azure-functions.ts";
import { loadSettings } from "../shared/config/settings.ts";
import { createServices, type Services } from "./services.ts";
import { registerFunctions } from "./register.ts";

// Read once at start-up: a bad setting stops the app with a message naming it.
const settings = loadSettings(process.env);
let services: Promise<Services> | undefined;

registerFunctions(app, () => {
  if (!services) {
    services = createServices(settings);
    // A failed start-up is retried on the next request instead of being cached forever.
    services.catch(() => (services = undefined));
  }
  return services;
});

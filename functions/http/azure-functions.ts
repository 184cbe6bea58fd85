// @azure/functions is CommonJS and its named exports are not visible to Node's ESM loader, so the
// classes are taken from the default export here, once, and re-exported with their types.
import functions from "@azure/functions";
import type * as Types from "@azure/functions";

export const app: typeof Types.app = functions.app;
export const HttpRequest: typeof Types.HttpRequest = functions.HttpRequest;
export type HttpRequest = Types.HttpRequest;
export const HttpResponse: typeof Types.HttpResponse = functions.HttpResponse;
export type HttpResponse = Types.HttpResponse;
export const InvocationContext: typeof Types.InvocationContext = functions.InvocationContext;
export type InvocationContext = Types.InvocationContext;
export type {
  HttpFunctionOptions,
  HttpHandler,
  HttpMethod,
  HttpResponseInit,
  Timer,
  TimerFunctionOptions,
} from "@azure/functions";

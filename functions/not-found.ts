// The lowest-priority catch-all: unknown routes answer 404 problem+json on Azure and locally alike.
import { RequestError } from "./http/request-error.ts";

export async function notFound(): Promise<never> {
  throw new RequestError(404, "not-found", "no such route");
}

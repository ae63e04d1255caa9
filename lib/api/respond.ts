import { z } from "zod";
import { AppError, type ErrorCode } from "./errors";

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store" } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function errorResponse(code: ErrorCode, message: string, status: number, details?: unknown): Response {
  const body = details === undefined ? { error: { code, message } } : { error: { code, message, details } };
  return json(body, status);
}

/** "name: Required; members.0.role: Invalid option" with each issue's field path. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P03",
  "P1001",
]);

/** True when an error means the database cannot be reached (as opposed to a bug). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
    const message = (current as { message?: unknown }).message;
    if (
      typeof message === "string" &&
      /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|timeout exceeded when trying to connect/i.test(
        message,
      )
    ) {
      return true;
    }
    if (current === (current as { cause?: unknown }).cause) break;
  }
  return false;
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error.code, error.message, error.status, error.details);
  if (error instanceof z.ZodError) return errorResponse("validation_failed", describeZodError(error), 422);
  if (isDatabaseUnavailable(error)) {
    return errorResponse("service_unavailable", "The database is unavailable; try again shortly", 503);
  }
  console.error("Unhandled error in API route", error);
  return errorResponse("internal_error", "Something went wrong on our side", 500);
}

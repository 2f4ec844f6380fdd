import { AppError } from "@/lib/errors";

export type ValidationIssue = { path: string; message: string };

/** A 400 in the shape the edge gives zod errors: the first 20 issues with their paths. */
export const validationFailed = (
  issues: ValidationIssue[],
  message = "The OTLP request did not match the expected shape.",
) => new AppError("validation_failed", message, { details: issues.slice(0, 20) });

export const tooLarge = (message: string) => new AppError("payload_too_large", message);
export const badRequest = (message: string) => new AppError("bad_request", message);

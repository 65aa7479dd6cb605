import { ERROR_STATUS, type ErrorCode } from "@bgm/domain";

/** The one error type services throw; the error handler maps `code` to status and JSON body. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode | (string & {}),
    message: string,
    public readonly details?: unknown,
    public readonly status: number = ERROR_STATUS[code as ErrorCode] ?? 400,
  ) {
    super(message);
  }

  static notFound(what: string): AppError {
    return new AppError("not_found", `${what} not found`);
  }
  static forbidden(message = "You are not allowed to do this"): AppError {
    return new AppError("forbidden", message);
  }
  static conflict(message: string, details?: unknown): AppError {
    return new AppError("conflict", message, details);
  }
  static unprocessable(message: string, details?: unknown): AppError {
    return new AppError("unprocessable", message, details);
  }
}

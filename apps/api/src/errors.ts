import type { ErrorBody, ErrorCode } from '@claimdesk/contracts';

/** The one place where an error code becomes an HTTP status. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_error: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  password_change_required: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
};

export type ErrorPath = Array<string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly path: ErrorPath;
  readonly details: unknown;
  readonly issues: Array<{ message: string; path: ErrorPath }> | undefined;
  readonly reference: string | undefined;
  /** Sent as Retry-After (seconds). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      path?: ErrorPath;
      details?: unknown;
      issues?: Array<{ message: string; path: ErrorPath }>;
      reference?: string;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.path = options.path ?? [];
    this.details = options.details;
    this.issues = options.issues;
    this.reference = options.reference;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        path: this.path,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
        ...(this.reference ? { reference: this.reference } : {}),
      },
    };
  }
}

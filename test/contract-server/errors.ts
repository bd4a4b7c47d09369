/** The error envelope and the ApiError that route handlers throw to produce it. */

import type { ErrorEnvelope } from './wire.js';

/** Known codes (inference except INVALID_API_KEY [doc]); new ones may appear within v1. */
export type KnownErrorCode =
  | 'INVALID_API_KEY'
  | 'VALIDATION_ERROR'
  | 'INVALID_CURSOR'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function envelope(code: string, message: string, details?: Readonly<Record<string, unknown>>): ErrorEnvelope {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details: { ...details } } };
}

export function validationError(field: string, message: string): ApiError {
  return new ApiError(400, 'VALIDATION_ERROR', message, { field });
}

/** Default code for an injected 5xx status. */
export function codeForStatus(status: number): string {
  return status === 502 || status === 503 || status === 504 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR';
}

// Generated from Not AI Public API by notai-codegen. Do not edit.
declare module './runtime/errors.js' {
  interface KnownErrorCodes {
    /** Typically HTTP 401. */
    INVALID_API_KEY: true;
    /** Typically HTTP 400. */
    VALIDATION_ERROR: true;
    /** Typically HTTP 400. */
    INVALID_CURSOR: true;
    /** Typically HTTP 403. */
    FORBIDDEN: true;
    /** Typically HTTP 404. */
    NOT_FOUND: true;
    /** Typically HTTP 429. */
    RATE_LIMITED: true;
    /** Typically HTTP 500. */
    INTERNAL_ERROR: true;
    /** Typically HTTP 503. */
    SERVICE_UNAVAILABLE: true;
  }
}

export {};

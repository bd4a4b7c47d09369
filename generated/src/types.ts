// Generated from Not AI Public API by notai-codegen. Do not edit.
/** Every path of the spec with its operations' parameters, request bodies and responses, as openapi-typescript types them; the per-operation types of this package index into it. */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Health probe
     * @description Unauthenticated health probe of the regional stack. Returns a bare object, never the error envelope; no error responses are defined. Any non-200 response means the regional stack or the network is the problem.
     */
    get: operations['health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/analytics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Aggregated analytics for the integration
     * @description Returns aggregated analytics for the integration over a recent period: summary totals, a time series bucketed by `groupBy`, bot-detection and user-matching summaries, top origins and a device breakdown.
     */
    get: operations['getAnalytics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/courses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List LMS courses extracted from session URLs
     * @description Lists the LMS courses found in the URLs of the integration's sessions, with per-course counts, one page at a time.
     */
    get: operations['listCourses'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/integration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the integration this API key resolved to
     * @description Returns the integration the presented API key is bound to (every list endpoint is implicitly scoped to it), including the masked key. Recommended as the first call and smoke test for a new key.
     */
    get: operations['getIntegration'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List tracking sessions for the caller's integration
     * @description Lists tracking sessions of the integration the API key belongs to, one page at a time (cursor pagination). Filters are optional and combine. A `startDate` older than the plan tier's history window (Free 7 days, Pro 30 days, Enterprise up to 7 years) returns an empty page, not an error.
     */
    get: operations['listSessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a single tracking session by id
     * @description Returns one session of the caller's integration.
     */
    get: operations['getSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{sessionId}/details': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get detailed session data (timeline + event counts + page history)
     * @description Returns detailed data for one session: start/end time and duration, event counts per category, an activity timeline and the page history.
     */
    get: operations['getSessionDetails'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{sessionId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List event-level metadata for a session
     * @description Lists metadata (id, type, Unix-millisecond timestamp, payload size) of the events recorded in one session, one page at a time. Unlike the other list endpoints, `pageSize` defaults to 100 (before the tier clamp).
     */
    get: operations['listEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get high-level integration stats
     * @description Returns high-level counters for the caller's integration.
     */
    get: operations['getStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get API consumption metrics for the integration over a date range
     * @description Returns API consumption metrics for the integration over an inclusive date range, optionally for one metric. The response is not paginated and not wrapped in a single `data` object.
     */
    get: operations['getUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List LMS users correlated with sessions
     * @description Lists the LMS users that were correlated with sessions of the caller's integration, with per-user bot statistics, one page at a time.
     */
    get: operations['listUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{userId}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get sessions for an LMS user (paginated)
     * @description Lists the sessions correlated with one LMS user, one page at a time.
     */
    get: operations['getUserSessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
/** The spec's reusable components, as openapi-typescript types them: `components["schemas"]["Name"]` is the type of the schema `Name`. */
export interface components {
  schemas: {
    /** @description Aggregated analytics over the requested period. */
    Analytics: Analytics;
    /** @description Payload of AnalyticsResponse: aggregated analytics for the integration. */
    AnalyticsResponse: AnalyticsResponse;
    /** @description Headline totals for the period. */
    AnalyticsSummary: AnalyticsSummary;
    /** @description Sessions by bot-detection confidence. */
    BotDetectionSummary: BotDetectionSummary;
    /** @description An LMS course extracted from session URLs. */
    Course: Course;
    /** @description One page of LMS courses extracted from session URLs. */
    CourseListResponse: CourseListResponse;
    /** @description Sessions by device class and browser. */
    DeviceBreakdown: DeviceBreakdown;
    /** @description Error payload. */
    ErrorBody: ErrorBody;
    /** @description Error envelope returned by every non-2xx response (except `/health` and `/openapi/v3.json`, which never return it). Branch on `error.code`, not on the HTTP status (a coarse category) or on `error.message`. */
    ErrorEnvelope: ErrorEnvelope;
    /** @description Number of recorded events per category. */
    EventCounts: EventCounts;
    /** @description Payload of EventListResponse: one page of event-level metadata for a session. */
    EventListResponse: EventListResponse;
    /** @description Health probe result (a bare object, not an envelope). */
    HealthResponse: HealthResponse;
    /** @description The integration the presented API key resolved to. */
    IntegrationResponse: IntegrationResponse;
    /** @description High-level counters for the integration. */
    IntegrationStats: IntegrationStats;
    /** @description Session counts for one origin. */
    OriginSummary: OriginSummary;
    /** @description One page visited during the session. */
    PageVisit: PageVisit;
    /** @description Pagination block of every list response. Keep requesting with `cursor` = `nextCursor` until `hasMore` is false; `hasMore === false` is the only terminal signal. */
    Pagination: Pagination;
    /** @description The integration bound to the API key. Every list endpoint is implicitly scoped to it. */
    PublicIntegration: PublicIntegration;
    /** @description A tracking session of the caller's integration. */
    PublicSession: PublicSession;
    /** @description An LMS user correlated with sessions of the caller's integration. */
    PublicUser: PublicUser;
    /** @description Detailed session data: timeline, event counts and page history. */
    SessionDetails: SessionDetails;
    /** @description Payload of SessionDetailsResponse: detailed data for one session. */
    SessionDetailsResponse: SessionDetailsResponse;
    /** @description Metadata of one recorded event (the payload itself is not returned). */
    SessionEvent: SessionEvent;
    /** @description Payload of SessionListResponse: one page of sessions. */
    SessionListResponse: SessionListResponse;
    /** @description Payload of SessionResponse: a single session. */
    SessionResponse: SessionResponse;
    /** @description High-level integration counters. */
    StatsResponse: StatsResponse;
    /** @description One bucket of the analytics time series. */
    TimeSeriesPoint: TimeSeriesPoint;
    /** @description One bucket of the session activity timeline. */
    TimelineEntry: TimelineEntry;
    /** @description Usage of one metric in one period. */
    UsageDataPoint: UsageDataPoint;
    /** @description Payload of UsageResponse: API consumption over a date range. Not a `data` wrapper around one object and not paginated: the top level holds `startDate`, `endDate`, `data` and `totals`. */
    UsageResponse: UsageResponse;
    /** @description Payload of UserListResponse: one page of LMS users. */
    UserListResponse: UserListResponse;
    /** @description How many sessions were correlated with LMS users. */
    UserMatchingSummary: UserMatchingSummary;
    /** @description Payload of UserSessionsResponse: one page of sessions of one LMS user. */
    UserSessionsResponse: UserSessionsResponse;
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: {
    /** @description Resolved plan tier of the integration behind the key: `free`, `pro` or `enterprise`. Sent on every response to a successfully authenticated request, whatever the status; absent on the 401 authentication failure and on edge rate-limit (429) rejections. */
    XIsnotaiTier: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
/** Every operation of the spec by its operationId, as openapi-typescript types it. */
export interface operations {
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The regional stack is healthy. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "healthy",
           *       "timestamp": "2026-06-10T12:00:00.0000000+00:00",
           *       "version": "1.0.17.0"
           *     }
           */
          'application/json': HealthResponse;
        };
      };
    };
  };
  getAnalytics: {
    parameters: {
      query?: {
        /** @description Time window ending now: `24h`, `7d`, `30d` or `90d`. Default `7d`. */
        period?: '24h' | '7d' | '30d' | '90d';
        /** @description Time-series bucket size: `hour`, `day` or `week`. Default `day`. */
        groupBy?: 'hour' | 'day' | 'week';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The analytics. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': AnalyticsResponse;
        };
      };
      /** @description Malformed request or validation failure (e.g. an unsupported `period` or `groupBy`). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  listCourses: {
    parameters: {
      query?: {
        /** @description Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. */
        pageSize?: number;
        /** @description Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. */
        cursor?: string;
        /** @description Optional text filter on the course id or name. */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of courses. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': CourseListResponse;
        };
      };
      /** @description Malformed request or validation failure (e.g. an invalid cursor). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  getIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The integration. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': IntegrationResponse;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  listSessions: {
    parameters: {
      query?: {
        /** @description Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. */
        pageSize?: number;
        /** @description Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. */
        cursor?: string;
        /** @description Only sessions with this status, e.g. `active` or `closed` (not a closed set). */
        status?: string;
        /** @description If `true`, only sessions with `botScore >= 0.7`. */
        botOnly?: boolean;
        /** @description Only sessions created at or after this ISO-8601 date-time (inclusive). */
        startDate?: string;
        /** @description Only sessions created at or before this ISO-8601 date-time (inclusive). */
        endDate?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of sessions. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': SessionListResponse;
        };
      };
      /** @description Malformed request or validation failure (e.g. an unparseable date or an invalid cursor). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Session id (`PublicSession.id`). */
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': SessionResponse;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
      /** @description No session with this id exists. Code `NOT_FOUND`. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  getSessionDetails: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Session id (`PublicSession.id`). */
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session details. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': SessionDetailsResponse;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
      /** @description No session with this id exists. Code `NOT_FOUND`. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
      /** @description Session details are temporarily unavailable. Code `SERVICE_UNAVAILABLE`. The request is an idempotent read and may be retried with backoff. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  listEvents: {
    parameters: {
      query?: {
        /** @description Number of items per page, 1–100 (default 100). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. This endpoint defaults to 100, so Free-tier callers effectively get 50. */
        pageSize?: number;
        /** @description Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. */
        cursor?: string;
        /** @description Only events of this type. Accepts the message-type byte in decimal or hex (e.g. `1`, `0x01`) or a short name (e.g. `init`, `mouse_move`, `keypress`). */
        type?: string;
        /** @description Only events with `timestamp` at or after this time (inclusive), as Unix time in milliseconds. */
        startTime?: number;
        /** @description Only events with `timestamp` at or before this time (inclusive), as Unix time in milliseconds. */
        endTime?: number;
      };
      header?: never;
      path: {
        /** @description Session id (`PublicSession.id`). */
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of event metadata. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': EventListResponse;
        };
      };
      /** @description Malformed request or validation failure (e.g. an unknown event `type` or an invalid cursor). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
      /** @description No session with this id exists. Code `NOT_FOUND`. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  getStats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The integration counters. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': StatsResponse;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  getUsage: {
    parameters: {
      query?: {
        /** @description Inclusive lower bound of the range, written as an ISO-8601 date (e.g. `2026-06-01`). Default: 30 days before `endDate`. */
        startDate?: string;
        /** @description Inclusive upper bound of the range, written as an ISO-8601 date. Default: today (UTC). */
        endDate?: string;
        /** @description Only this metric: `ApiCalls`, `Events`, `Sessions`, `StorageBytes` or `BotAnalyses` (matched case-insensitively). Omit for all metrics. */
        metric?: 'ApiCalls' | 'Events' | 'Sessions' | 'StorageBytes' | 'BotAnalyses';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Usage over the range. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': UsageResponse;
        };
      };
      /** @description Malformed request or validation failure (e.g. an unparseable date or an unknown `metric`). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: {
        /** @description Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. */
        pageSize?: number;
        /** @description Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. */
        cursor?: string;
        /** @description Case-insensitive substring match on `userId` or `userName`. */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of users. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': UserListResponse;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
  getUserSessions: {
    parameters: {
      query?: {
        /** @description Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. */
        pageSize?: number;
        /** @description Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. */
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description LMS user id (provider-neutral); the same value as `PublicSession.userId` and `PublicUser.userId`. */
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the user's sessions. */
      200: {
        headers: {
          'x-isnotai-tier': components['headers']['XIsnotaiTier'];
          [name: string]: unknown;
        };
        content: {
          'application/json': UserSessionsResponse;
        };
      };
      /** @description Malformed request or validation failure (e.g. an invalid cursor). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': ErrorEnvelope;
        };
      };
      /** @description Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "INVALID_API_KEY",
           *         "message": "The API key is missing, malformed or unknown."
           *       }
           *     }
           */
          'application/json': ErrorEnvelope;
        };
      };
    };
  };
}
/** @description Aggregated analytics over the requested period. */
export type Analytics = {
  botDetection?: components['schemas']['BotDetectionSummary'];
  deviceBreakdown?: components['schemas']['DeviceBreakdown'];
  /**
   * Format: date-time
   * @description End of the analysed window.
   */
  endDate?: string;
  /**
   * Format: date-time
   * @description When these analytics were computed.
   */
  generatedAt?: string;
  /** @description The time-series bucket size that was applied, e.g. `day`. */
  groupBy?: string;
  /** @description The period that was applied, e.g. `7d`. */
  period?: string;
  /**
   * Format: date-time
   * @description Start of the analysed window.
   */
  startDate?: string;
  summary?: components['schemas']['AnalyticsSummary'];
  /** @description Time series, one point per `groupBy` bucket. */
  timeSeries?: TimeSeriesPoint[];
  /** @description Origins with the most sessions. */
  topOrigins?: OriginSummary[];
  userMatching?: components['schemas']['UserMatchingSummary'];
};
/** @description Payload of AnalyticsResponse: aggregated analytics for the integration. */
export type AnalyticsResponse = {
  data: components['schemas']['Analytics'];
};
/** @description Headline totals for the period. */
export type AnalyticsSummary = {
  /**
   * Format: double
   * @description Average `botScore` (0–1).
   */
  averageBotScore?: number;
  /**
   * Format: double
   * @description Average number of events per session.
   */
  averageEventsPerSession?: number;
  /**
   * Format: int32
   * @description Number of events.
   */
  totalEvents?: number;
  /**
   * Format: int32
   * @description Number of sessions.
   */
  totalSessions?: number;
  /**
   * Format: int32
   * @description Number of distinct bots detected.
   */
  uniqueBots?: number;
  /**
   * Format: int32
   * @description Number of distinct LMS users.
   */
  uniqueUsers?: number;
};
/** @description Sessions by bot-detection confidence. */
export type BotDetectionSummary = {
  /**
   * Format: int32
   * @description Sessions classified as bots with high confidence.
   */
  highConfidenceBots?: number;
  /**
   * Format: int32
   * @description Sessions classified as likely human.
   */
  likelyHumans?: number;
  /**
   * Format: int32
   * @description Sessions classified as bots with low confidence.
   */
  lowConfidenceBots?: number;
  /**
   * Format: int32
   * @description Sessions classified as bots with medium confidence.
   */
  mediumConfidenceBots?: number;
};
/** @description An LMS course extracted from session URLs. */
export type Course = {
  /**
   * Format: int32
   * @description Number of the course's sessions classified as bot.
   */
  botSessionCount?: number;
  /** @description Course id as found in the LMS URLs. */
  courseId: string;
  /** @description Course name. */
  courseName?: string;
  /** @description Course URL. */
  courseUrl?: string;
  /**
   * Format: date-time
   * @description First time the course was seen.
   */
  firstSeen?: string;
  /**
   * Format: date-time
   * @description Last time the course was seen.
   */
  lastSeen?: string;
  /**
   * Format: int32
   * @description Number of sessions recorded in the course.
   */
  sessionCount?: number;
  /**
   * Format: int32
   * @description Number of distinct LMS users seen in the course.
   */
  userCount?: number;
};
/** @description One page of LMS courses extracted from session URLs. */
export type CourseListResponse = {
  /** @description Courses on this page. */
  data: Course[];
  pagination: components['schemas']['Pagination'];
};
/** @description Sessions by device class and browser. */
export type DeviceBreakdown = {
  /** @description Session count per browser name. */
  browserCounts?: {
    [key: string]: number;
  };
  /**
   * Format: int32
   * @description Sessions from desktops.
   */
  desktop?: number;
  /**
   * Format: int32
   * @description Sessions from mobile devices.
   */
  mobile?: number;
  /**
   * Format: int32
   * @description Sessions from tablets.
   */
  tablet?: number;
};
/** @description Error payload. */
export type ErrorBody = {
  /**
   * @description Stable, machine-readable UPPER_SNAKE_CASE error code. Known codes: `INVALID_API_KEY` (401: key missing, malformed, unknown or for the other region; always this code for auth failures), `VALIDATION_ERROR` (400, `details.field` names the offending parameter), `INVALID_CURSOR` (400), `FORBIDDEN` (403: valid key, resource belongs to another integration), `NOT_FOUND` (404), `RATE_LIMITED` (429: honour `Retry-After` when present, otherwise back off exponentially), `INTERNAL_ERROR` (500), `SERVICE_UNAVAILABLE` (503). Codes are stable within v1 and never removed or repurposed, but new codes may be added, so handle unknown values.
   * @example INVALID_API_KEY
   */
  code: string;
  /** @description Optional structured detail. Validation errors carry the offending field, e.g. `{"field": "<name>"}`; most other errors omit it. */
  details?: {
    [key: string]: unknown;
  };
  /** @description Human-readable description of the error. Wording may change at any time; do not parse it. */
  message: string;
};
/** @description Error envelope returned by every non-2xx response (except `/health` and `/openapi/v3.json`, which never return it). Branch on `error.code`, not on the HTTP status (a coarse category) or on `error.message`. */
export type ErrorEnvelope = {
  error: components['schemas']['ErrorBody'];
};
/** @description Number of recorded events per category. */
export type EventCounts = {
  /**
   * Format: int32
   * @description Form events.
   */
  form?: number;
  /**
   * Format: int32
   * @description Keyboard events.
   */
  keyboard?: number;
  /**
   * Format: int32
   * @description Mouse events.
   */
  mouse?: number;
  /**
   * Format: int32
   * @description Scroll events.
   */
  scroll?: number;
  /**
   * Format: int32
   * @description Total number of events.
   */
  total?: number;
  /**
   * Format: int32
   * @description Touch events.
   */
  touch?: number;
};
/** @description Payload of EventListResponse: one page of event-level metadata for a session. */
export type EventListResponse = {
  /** @description Events on this page. */
  data: SessionEvent[];
  pagination: components['schemas']['Pagination'];
};
/** @description Health probe result (a bare object, not an envelope). */
export type HealthResponse = {
  /**
   * @description Health status, e.g. `healthy`.
   * @example healthy
   */
  status: string;
  /**
   * Format: date-time
   * @description Server time of the probe (ISO-8601 with offset, 7 fractional-second digits).
   * @example 2026-06-10T12:00:00.0000000+00:00
   */
  timestamp: string;
  /**
   * @description API version string, e.g. `1.0.17.0`.
   * @example 1.0.17.0
   */
  version: string;
};
/** @description The integration the presented API key resolved to. */
export type IntegrationResponse = {
  data: components['schemas']['PublicIntegration'];
};
/** @description High-level counters for the integration. */
export type IntegrationStats = {
  /**
   * Format: int32
   * @description Number of currently active sessions.
   */
  activeSessions?: number;
  /**
   * Format: double
   * @description Average `botScore` (0–1) over all sessions.
   */
  averageBotScore?: number;
  /**
   * Format: int64
   * @description Number of sessions classified as bots.
   */
  botSessions?: number;
  /**
   * Format: date-time
   * @description When the most recent session was recorded, or null if there are none.
   */
  lastSessionAt?: string | null;
  /**
   * Format: int64
   * @description Total number of events.
   */
  totalEvents?: number;
  /**
   * Format: int64
   * @description Total number of sessions.
   */
  totalSessions?: number;
  /**
   * Format: int32
   * @description Number of distinct LMS users.
   */
  totalUsers?: number;
};
/** @description Session counts for one origin. */
export type OriginSummary = {
  /**
   * Format: double
   * @description Share of bot sessions from this origin (scale, 0–1 or 0–100, not documented).
   */
  botPercentage?: number;
  /** @description Origin (scheme + host) the sessions came from. */
  origin?: string;
  /**
   * Format: int32
   * @description Sessions from this origin.
   */
  sessionCount?: number;
};
/** @description One page visited during the session. */
export type PageVisit = {
  /**
   * Format: int32
   * @description Time spent on the page, in milliseconds.
   */
  durationMs?: number;
  /**
   * Format: date-time
   * @description When the page was visited.
   */
  timestamp?: string;
  /** @description Kind of page visit. Values are not documented as a closed set. */
  type?: string;
  /** @description Page URL. */
  url?: string;
};
/** @description Pagination block of every list response. Keep requesting with `cursor` = `nextCursor` until `hasMore` is false; `hasMore === false` is the only terminal signal. */
export type Pagination = {
  /** @description True if another page exists. `false` is the only end-of-list signal. */
  hasMore: boolean;
  /**
   * Format: int32
   * @description Effective page size used by the server, after the requested `pageSize` (or its default) was clamped to the plan tier maximum (Free 50, Pro 100, Enterprise 100).
   */
  limit: number;
  /** @description Opaque continuation token for the next page; pass it back unchanged as the `cursor` query parameter. Present whenever `hasMore` is true; on the last page it may be missing, null or an empty string. Treat cursors as opaque: do not decode, split or construct them (the encoding differs per endpoint and may change between releases). */
  nextCursor?: string | null;
};
/** @description The integration bound to the API key. Every list endpoint is implicitly scoped to it. */
export type PublicIntegration = {
  /** @description Masked form of the API key, as shown in the dashboard. The full key is only shown once, at creation. */
  apiKeyMasked?: string;
  /**
   * Format: date-time
   * @description When the integration was created.
   */
  createdAt?: string;
  /** @description Integration id. */
  id: string;
  /** @description Integration name. */
  name?: string;
  /** @description Region the integration (and its keys) lives in: `us` or `eu`. */
  region?: string;
  /** @description Plan tier: `free`, `pro` or `enterprise` (same value as the `x-isnotai-tier` header). */
  tier?: string;
};
/** @description A tracking session of the caller's integration. */
export type PublicSession = {
  /**
   * Format: double
   * @description Bot-likelihood score from 0 (human) to 1 (bot). Sessions with `botScore >= 0.7` are treated as bots (the `botOnly` filter threshold).
   */
  botScore?: number;
  /**
   * Format: date-time
   * @description When the session was created.
   */
  createdAt?: string;
  /** @description Detection signals raised for this session. Values are not documented as a closed set. */
  detectionFlags?: string[];
  /** @description Session id. */
  id: string;
  /** @description URL of the page the session was recorded on, if known. */
  pageUrl?: string | null;
  /**
   * @description Session status, e.g. `active` or `closed`. Not a closed set: other values may appear.
   * @example active
   * @example closed
   */
  status?: string;
  /**
   * Format: date-time
   * @description When the session was last updated.
   */
  updatedAt?: string;
  /** @description Short summary of the client user agent (browser/OS/device). */
  userAgentSummary?: string;
  /** @description LMS user id (provider-neutral) correlated with this session, or null if the session is not matched to a user. Same value accepted by `GET /v1/users/{userId}/sessions`. */
  userId?: string | null;
  /** @description Display name of the correlated LMS user, or null if not matched. */
  userName?: string | null;
  /** @description URL of the correlated LMS user's profile, or null if not matched. */
  userUrl?: string | null;
};
/** @description An LMS user correlated with sessions of the caller's integration. */
export type PublicUser = {
  /**
   * Format: double
   * @description Average `botScore` (0–1) over the user's sessions.
   */
  averageBotScore?: number;
  /**
   * Format: int32
   * @description Number of the user's sessions classified as bot.
   */
  botSessionCount?: number;
  /**
   * Format: int32
   * @description Number of distinct devices seen for the user.
   */
  deviceCount?: number;
  /**
   * Format: date-time
   * @description First time the user was seen.
   */
  firstSeen?: string;
  /**
   * Format: date-time
   * @description Last time the user was seen.
   */
  lastSeen?: string;
  /**
   * Format: double
   * @description Highest `botScore` (0–1) among the user's sessions.
   */
  maxBotScore?: number;
  /**
   * Format: int32
   * @description Number of the user's sessions with a medium bot score.
   */
  mediumSessionCount?: number;
  /** @description Risk classification of the user. Values are not documented; treat as an open string. */
  riskLevel?: string;
  /**
   * Format: int32
   * @description Number of sessions correlated with the user.
   */
  sessionCount?: number;
  /** @description Small series of recent activity counts, for sparkline charts. */
  sparkline?: number[];
  /** @description LMS user id (provider-neutral). Use it with `GET /v1/users/{userId}/sessions`. */
  userId: string;
  /** @description Display name of the user. */
  userName?: string;
  /** @description URL of the user's LMS profile. */
  userUrl?: string;
};
/** @description Detailed session data: timeline, event counts and page history. */
export type SessionDetails = {
  /**
   * Format: double
   * @description Session duration in seconds.
   */
  durationSeconds?: number;
  /**
   * Format: date-time
   * @description When the session ended, or null if it is still active.
   */
  endTime?: string | null;
  eventCounts?: components['schemas']['EventCounts'];
  /** @description Pages visited during the session. */
  pageHistory?: PageVisit[];
  /** @description Session id. */
  sessionId: string;
  /**
   * Format: date-time
   * @description When the session started.
   */
  startTime?: string;
  /** @description Activity timeline, in time order. */
  timeline?: TimelineEntry[];
};
/** @description Payload of SessionDetailsResponse: detailed data for one session. */
export type SessionDetailsResponse = {
  data: components['schemas']['SessionDetails'];
};
/** @description Metadata of one recorded event (the payload itself is not returned). */
export type SessionEvent = {
  /** @description Event id. */
  eventId: string;
  /** @description Short name of the event type, e.g. `init`, `mouse_move`, `keypress`. */
  eventTypeName?: string;
  /**
   * Format: int32
   * @description Message-type byte of the event (see the `type` filter of listEvents).
   */
  messageId?: number;
  /**
   * Format: int32
   * @description Size of the event payload, in bytes.
   */
  payloadSize?: number;
  /**
   * Format: int64
   * @description When the event happened, as Unix time in milliseconds.
   */
  timestamp?: number;
};
/** @description Payload of SessionListResponse: one page of sessions. */
export type SessionListResponse = {
  /** @description Sessions on this page. */
  data: PublicSession[];
  pagination: components['schemas']['Pagination'];
};
/** @description Payload of SessionResponse: a single session. */
export type SessionResponse = {
  data: components['schemas']['PublicSession'];
};
/** @description High-level integration counters. */
export type StatsResponse = {
  data: components['schemas']['IntegrationStats'];
};
/** @description One bucket of the analytics time series. */
export type TimeSeriesPoint = {
  /**
   * Format: int32
   * @description Bot sessions in the bucket.
   */
  botCount?: number;
  /**
   * Format: int32
   * @description Events in the bucket.
   */
  eventCount?: number;
  /**
   * Format: int32
   * @description Sessions in the bucket.
   */
  sessionCount?: number;
  /**
   * Format: date-time
   * @description Start of the bucket.
   */
  timestamp?: string;
  /**
   * Format: int32
   * @description Sessions matched to an LMS user in the bucket.
   */
  userMatchedCount?: number;
};
/** @description One bucket of the session activity timeline. */
export type TimelineEntry = {
  /**
   * Format: double
   * @description Relative activity level of the bucket (scale not documented).
   */
  activityLevel?: number;
  /** @description Most frequent event type in the bucket. Values are not documented as a closed set. */
  dominantEventType?: string;
  /**
   * Format: int32
   * @description Number of events in the bucket.
   */
  eventCount?: number;
  /**
   * Format: date-time
   * @description Start of the bucket.
   */
  timestamp?: string;
};
/** @description Usage of one metric in one period. */
export type UsageDataPoint = {
  /** @description Metric name, e.g. `ApiCalls`, `Events`, `Sessions`, `StorageBytes`, `BotAnalyses`. */
  metricType?: string;
  /** @description The period this value covers (format/granularity not documented). */
  period?: string;
  /**
   * Format: int64
   * @description Metric value for the period.
   */
  value?: number;
};
/** @description Payload of UsageResponse: API consumption over a date range. Not a `data` wrapper around one object and not paginated: the top level holds `startDate`, `endDate`, `data` and `totals`. */
export type UsageResponse = {
  /** @description Usage data points, one per period and metric. */
  data: UsageDataPoint[];
  /** @description End of the reported range (ISO-8601 date). */
  endDate: string;
  /** @description Start of the reported range (ISO-8601 date). */
  startDate: string;
  /** @description Total per metric type over the whole range (metric type → total). */
  totals: {
    [key: string]: number;
  };
};
/** @description Payload of UserListResponse: one page of LMS users. */
export type UserListResponse = {
  /** @description Users on this page. */
  data: PublicUser[];
  pagination: components['schemas']['Pagination'];
};
/** @description How many sessions were correlated with LMS users. */
export type UserMatchingSummary = {
  /**
   * Format: double
   * @description Average confidence of the user correlations (scale not documented).
   */
  averageCorrelationConfidence?: number;
  /**
   * Format: double
   * @description Share of matched sessions (scale, 0–1 or 0–100, not documented).
   */
  matchRate?: number;
  /**
   * Format: int32
   * @description Sessions matched to an LMS user.
   */
  totalMatched?: number;
  /**
   * Format: int32
   * @description Sessions not matched to an LMS user.
   */
  totalUnmatched?: number;
};
/** @description Payload of UserSessionsResponse: one page of sessions of one LMS user. */
export type UserSessionsResponse = {
  /** @description Sessions on this page. */
  data: PublicSession[];
  pagination: components['schemas']['Pagination'];
};

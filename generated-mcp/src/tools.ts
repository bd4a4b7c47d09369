// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { ToolDefinition } from './runtime/types.js';

/** One tool per operation of Not AI Public API: name, title, description, flat input schema, annotations and the operation it calls. Data only. */
export const TOOLS: readonly ToolDefinition[] = [
  {
    name: 'get_health',
    title: 'Health probe',
    description:
      'Unauthenticated health probe of the regional stack. Returns a bare object, never the error envelope; no error responses are defined. Any non-200 response means the regional stack or the network is the problem.',
    inputSchema: {
      type: 'object',
      properties: {},
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'health',
      method: 'GET',
      path: '/health',
      pathParams: [],
      queryParams: [],
      responseType: 'json',
      auth: false,
    },
  },
  {
    name: 'get_analytics',
    title: 'Aggregated analytics for the integration',
    description:
      'Returns aggregated analytics for the integration over a recent period: summary totals, a time series bucketed by `groupBy`, bot-detection and user-matching summaries, top origins and a device breakdown.',
    inputSchema: {
      type: 'object',
      properties: {
        period: {
          default: '7d',
          enum: ['24h', '7d', '30d', '90d'],
          type: 'string',
          description: 'Time window ending now: `24h`, `7d`, `30d` or `90d`. Default `7d`.',
        },
        groupBy: {
          default: 'day',
          enum: ['hour', 'day', 'week'],
          type: 'string',
          description: 'Time-series bucket size: `hour`, `day` or `week`. Default `day`.',
        },
      },
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'getAnalytics',
      method: 'GET',
      path: '/v1/analytics',
      pathParams: [],
      queryParams: ['period', 'groupBy'],
      responseType: 'json',
      auth: true,
    },
  },
  {
    name: 'list_courses',
    title: 'List LMS courses extracted from session URLs',
    description:
      "Lists the LMS courses found in the URLs of the integration's sessions, with per-course counts, one page at a time.\n\nReturns one page as {items, nextCursor, hasMore} (25 items unless pageSize says otherwise); pass nextCursor back as cursor for the next page. Results are capped at 40000 characters: a page that would exceed it returns fewer items, and nextCursor resumes right after them.",
    inputSchema: {
      type: 'object',
      properties: {
        pageSize: {
          default: 25,
          format: 'int32',
          maximum: 100,
          minimum: 1,
          type: 'integer',
          description:
            'Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. When omitted, this tool asks for 25.',
        },
        cursor: {
          type: 'string',
          description:
            "Opaque cursor from the previous result's nextCursor: pass it back unchanged, with the same other arguments, for the next page. Omit it for the first page.",
        },
        search: {
          type: 'string',
          description: 'Optional text filter on the course id or name.',
        },
        fields: {
          type: 'array',
          items: {
            type: 'string',
            enum: [
              'botSessionCount',
              'courseId',
              'courseName',
              'courseUrl',
              'firstSeen',
              'lastSeen',
              'sessionCount',
              'userCount',
            ],
          },
          minItems: 1,
          uniqueItems: true,
          description:
            'Return only these properties of each item (smaller results, so more items fit the result budget). Omit for every property.',
        },
        maxItems: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description:
            'Collect up to this many items by walking pages (omit for one page). Stops early at the 40000-character result budget; nextCursor then resumes right after the last item returned.',
        },
      },
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'listCourses',
      method: 'GET',
      path: '/v1/courses',
      pathParams: [],
      queryParams: ['pageSize', 'cursor', 'search'],
      responseType: 'json',
      auth: true,
      paging: {
        cursorParam: 'cursor',
        pageSizeParam: 'pageSize',
        itemsPath: ['data'],
        nextCursorPath: ['pagination', 'nextCursor'],
        hasMorePath: ['pagination', 'hasMore'],
        paginationPath: ['pagination'],
      },
    },
    list: {
      maxItems: true,
      fields: [
        'botSessionCount',
        'courseId',
        'courseName',
        'courseUrl',
        'firstSeen',
        'lastSeen',
        'sessionCount',
        'userCount',
      ],
    },
  },
  {
    name: 'get_integration',
    title: 'Get the integration this API key resolved to',
    description:
      'Returns the integration the presented API key is bound to (every list endpoint is implicitly scoped to it), including the masked key. Recommended as the first call and smoke test for a new key.',
    inputSchema: {
      type: 'object',
      properties: {},
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'getIntegration',
      method: 'GET',
      path: '/v1/integration',
      pathParams: [],
      queryParams: [],
      responseType: 'json',
      auth: true,
    },
  },
  {
    name: 'list_sessions',
    title: "List tracking sessions for the caller's integration",
    description:
      "Lists tracking sessions of the integration the API key belongs to, one page at a time (cursor pagination). Filters are optional and combine. A `startDate` older than the plan tier's history window (Free 7 days, Pro 30 days, Enterprise up to 7 years) returns an empty page, not an error.\n\nReturns one page as {items, nextCursor, hasMore} (25 items unless pageSize says otherwise); pass nextCursor back as cursor for the next page. Results are capped at 40000 characters: a page that would exceed it returns fewer items, and nextCursor resumes right after them.",
    inputSchema: {
      type: 'object',
      properties: {
        pageSize: {
          default: 25,
          format: 'int32',
          maximum: 100,
          minimum: 1,
          type: 'integer',
          description:
            'Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. When omitted, this tool asks for 25.',
        },
        cursor: {
          type: 'string',
          description:
            "Opaque cursor from the previous result's nextCursor: pass it back unchanged, with the same other arguments, for the next page. Omit it for the first page.",
        },
        status: {
          examples: ['active', 'closed'],
          type: 'string',
          description: 'Only sessions with this status, e.g. `active` or `closed` (not a closed set).',
        },
        botOnly: {
          type: 'boolean',
          description: 'If `true`, only sessions with `botScore >= 0.7`.',
        },
        startDate: {
          format: 'date-time',
          type: 'string',
          description: 'Only sessions created at or after this ISO-8601 date-time (inclusive).',
        },
        endDate: {
          format: 'date-time',
          type: 'string',
          description: 'Only sessions created at or before this ISO-8601 date-time (inclusive).',
        },
        fields: {
          type: 'array',
          items: {
            type: 'string',
            enum: [
              'botScore',
              'createdAt',
              'detectionFlags',
              'id',
              'pageUrl',
              'status',
              'updatedAt',
              'userAgentSummary',
              'userId',
              'userName',
              'userUrl',
            ],
          },
          minItems: 1,
          uniqueItems: true,
          description:
            'Return only these properties of each item (smaller results, so more items fit the result budget). Omit for every property.',
        },
        maxItems: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description:
            'Collect up to this many items by walking pages (omit for one page). Stops early at the 40000-character result budget; nextCursor then resumes right after the last item returned.',
        },
      },
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'listSessions',
      method: 'GET',
      path: '/v1/sessions',
      pathParams: [],
      queryParams: ['pageSize', 'cursor', 'status', 'botOnly', 'startDate', 'endDate'],
      responseType: 'json',
      auth: true,
      paging: {
        cursorParam: 'cursor',
        pageSizeParam: 'pageSize',
        itemsPath: ['data'],
        nextCursorPath: ['pagination', 'nextCursor'],
        hasMorePath: ['pagination', 'hasMore'],
        paginationPath: ['pagination'],
      },
    },
    list: {
      maxItems: true,
      fields: [
        'botScore',
        'createdAt',
        'detectionFlags',
        'id',
        'pageUrl',
        'status',
        'updatedAt',
        'userAgentSummary',
        'userId',
        'userName',
        'userUrl',
      ],
    },
  },
  {
    name: 'get_session',
    title: 'Get a single tracking session by id',
    description: "Returns one session of the caller's integration.",
    inputSchema: {
      type: 'object',
      properties: {
        sessionId: {
          type: 'string',
          description: 'Session id (`PublicSession.id`).',
        },
      },
      required: ['sessionId'],
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'getSession',
      method: 'GET',
      path: '/v1/sessions/{sessionId}',
      pathParams: ['sessionId'],
      queryParams: [],
      responseType: 'json',
      auth: true,
    },
  },
  {
    name: 'get_session_details',
    title: 'Get detailed session data (timeline + event counts + page history)',
    description:
      'Returns detailed data for one session: start/end time and duration, event counts per category, an activity timeline and the page history.',
    inputSchema: {
      type: 'object',
      properties: {
        sessionId: {
          type: 'string',
          description: 'Session id (`PublicSession.id`).',
        },
      },
      required: ['sessionId'],
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'getSessionDetails',
      method: 'GET',
      path: '/v1/sessions/{sessionId}/details',
      pathParams: ['sessionId'],
      queryParams: [],
      responseType: 'json',
      auth: true,
    },
  },
  {
    name: 'list_session_events',
    title: 'List event-level metadata for a session',
    description:
      'Lists metadata (id, type, Unix-millisecond timestamp, payload size) of the events recorded in one session, one page at a time. Unlike the other list endpoints, `pageSize` defaults to 100 (before the tier clamp).\n\nReturns one page as {items, nextCursor, hasMore} (25 items unless pageSize says otherwise); pass nextCursor back as cursor for the next page. Results are capped at 40000 characters: a page that would exceed it returns fewer items, and nextCursor resumes right after them.',
    inputSchema: {
      type: 'object',
      properties: {
        sessionId: {
          type: 'string',
          description: 'Session id (`PublicSession.id`).',
        },
        pageSize: {
          default: 25,
          format: 'int32',
          maximum: 100,
          minimum: 1,
          type: 'integer',
          description:
            'Number of items per page, 1–100 (default 100). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. This endpoint defaults to 100, so Free-tier callers effectively get 50. When omitted, this tool asks for 25.',
        },
        cursor: {
          type: 'string',
          description:
            "Opaque cursor from the previous result's nextCursor: pass it back unchanged, with the same other arguments, for the next page. Omit it for the first page.",
        },
        type: {
          examples: ['1', '0x01', 'init', 'mouse_move', 'keypress'],
          type: 'string',
          description:
            'Only events of this type. Accepts the message-type byte in decimal or hex (e.g. `1`, `0x01`) or a short name (e.g. `init`, `mouse_move`, `keypress`).',
        },
        startTime: {
          format: 'int64',
          type: 'integer',
          description: 'Only events with `timestamp` at or after this time (inclusive), as Unix time in milliseconds.',
        },
        endTime: {
          format: 'int64',
          type: 'integer',
          description: 'Only events with `timestamp` at or before this time (inclusive), as Unix time in milliseconds.',
        },
        fields: {
          type: 'array',
          items: {
            type: 'string',
            enum: ['eventId', 'eventTypeName', 'messageId', 'payloadSize', 'timestamp'],
          },
          minItems: 1,
          uniqueItems: true,
          description:
            'Return only these properties of each item (smaller results, so more items fit the result budget). Omit for every property.',
        },
        maxItems: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description:
            'Collect up to this many items by walking pages (omit for one page). Stops early at the 40000-character result budget; nextCursor then resumes right after the last item returned.',
        },
      },
      required: ['sessionId'],
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'listEvents',
      method: 'GET',
      path: '/v1/sessions/{sessionId}/events',
      pathParams: ['sessionId'],
      queryParams: ['pageSize', 'cursor', 'type', 'startTime', 'endTime'],
      responseType: 'json',
      auth: true,
      paging: {
        cursorParam: 'cursor',
        pageSizeParam: 'pageSize',
        itemsPath: ['data'],
        nextCursorPath: ['pagination', 'nextCursor'],
        hasMorePath: ['pagination', 'hasMore'],
        paginationPath: ['pagination'],
      },
    },
    list: {
      maxItems: true,
      fields: ['eventId', 'eventTypeName', 'messageId', 'payloadSize', 'timestamp'],
    },
  },
  {
    name: 'get_stats',
    title: 'Get high-level integration stats',
    description: "Returns high-level counters for the caller's integration.",
    inputSchema: {
      type: 'object',
      properties: {},
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'getStats',
      method: 'GET',
      path: '/v1/stats',
      pathParams: [],
      queryParams: [],
      responseType: 'json',
      auth: true,
    },
  },
  {
    name: 'get_usage',
    title: 'Get API consumption metrics for the integration over a date range',
    description:
      'Returns API consumption metrics for the integration over an inclusive date range, optionally for one metric. The response is not paginated and not wrapped in a single `data` object.',
    inputSchema: {
      type: 'object',
      properties: {
        startDate: {
          format: 'date-time',
          type: 'string',
          description:
            'Inclusive lower bound of the range, written as an ISO-8601 date (e.g. `2026-06-01`). Default: 30 days before `endDate`.',
        },
        endDate: {
          format: 'date-time',
          type: 'string',
          description: 'Inclusive upper bound of the range, written as an ISO-8601 date. Default: today (UTC).',
        },
        metric: {
          enum: ['ApiCalls', 'Events', 'Sessions', 'StorageBytes', 'BotAnalyses'],
          type: 'string',
          description:
            'Only this metric: `ApiCalls`, `Events`, `Sessions`, `StorageBytes` or `BotAnalyses` (matched case-insensitively). Omit for all metrics.',
        },
      },
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'getUsage',
      method: 'GET',
      path: '/v1/usage',
      pathParams: [],
      queryParams: ['startDate', 'endDate', 'metric'],
      responseType: 'json',
      auth: true,
    },
  },
  {
    name: 'list_users',
    title: 'List LMS users correlated with sessions',
    description:
      "Lists the LMS users that were correlated with sessions of the caller's integration, with per-user bot statistics, one page at a time.\n\nReturns one page as {items, nextCursor, hasMore} (25 items unless pageSize says otherwise); pass nextCursor back as cursor for the next page. Results are capped at 40000 characters: a page that would exceed it returns fewer items, and nextCursor resumes right after them.",
    inputSchema: {
      type: 'object',
      properties: {
        pageSize: {
          default: 25,
          format: 'int32',
          maximum: 100,
          minimum: 1,
          type: 'integer',
          description:
            'Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. When omitted, this tool asks for 25.',
        },
        cursor: {
          type: 'string',
          description:
            "Opaque cursor from the previous result's nextCursor: pass it back unchanged, with the same other arguments, for the next page. Omit it for the first page.",
        },
        search: {
          type: 'string',
          description: 'Case-insensitive substring match on `userId` or `userName`.',
        },
        fields: {
          type: 'array',
          items: {
            type: 'string',
            enum: [
              'averageBotScore',
              'botSessionCount',
              'deviceCount',
              'firstSeen',
              'lastSeen',
              'maxBotScore',
              'mediumSessionCount',
              'riskLevel',
              'sessionCount',
              'sparkline',
              'userId',
              'userName',
              'userUrl',
            ],
          },
          minItems: 1,
          uniqueItems: true,
          description:
            'Return only these properties of each item (smaller results, so more items fit the result budget). Omit for every property.',
        },
        maxItems: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description:
            'Collect up to this many items by walking pages (omit for one page). Stops early at the 40000-character result budget; nextCursor then resumes right after the last item returned.',
        },
      },
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'listUsers',
      method: 'GET',
      path: '/v1/users',
      pathParams: [],
      queryParams: ['pageSize', 'cursor', 'search'],
      responseType: 'json',
      auth: true,
      paging: {
        cursorParam: 'cursor',
        pageSizeParam: 'pageSize',
        itemsPath: ['data'],
        nextCursorPath: ['pagination', 'nextCursor'],
        hasMorePath: ['pagination', 'hasMore'],
        paginationPath: ['pagination'],
      },
    },
    list: {
      maxItems: true,
      fields: [
        'averageBotScore',
        'botSessionCount',
        'deviceCount',
        'firstSeen',
        'lastSeen',
        'maxBotScore',
        'mediumSessionCount',
        'riskLevel',
        'sessionCount',
        'sparkline',
        'userId',
        'userName',
        'userUrl',
      ],
    },
  },
  {
    name: 'list_user_sessions',
    title: 'Get sessions for an LMS user (paginated)',
    description:
      'Lists the sessions correlated with one LMS user, one page at a time.\n\nReturns one page as {items, nextCursor, hasMore} (25 items unless pageSize says otherwise); pass nextCursor back as cursor for the next page. Results are capped at 40000 characters: a page that would exceed it returns fewer items, and nextCursor resumes right after them.',
    inputSchema: {
      type: 'object',
      properties: {
        userId: {
          type: 'string',
          description:
            'LMS user id (provider-neutral); the same value as `PublicSession.userId` and `PublicUser.userId`.',
        },
        pageSize: {
          default: 25,
          format: 'int32',
          maximum: 100,
          minimum: 1,
          type: 'integer',
          description:
            'Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. When omitted, this tool asks for 25.',
        },
        cursor: {
          type: 'string',
          description:
            "Opaque cursor from the previous result's nextCursor: pass it back unchanged, with the same other arguments, for the next page. Omit it for the first page.",
        },
        fields: {
          type: 'array',
          items: {
            type: 'string',
            enum: [
              'botScore',
              'createdAt',
              'detectionFlags',
              'id',
              'pageUrl',
              'status',
              'updatedAt',
              'userAgentSummary',
              'userId',
              'userName',
              'userUrl',
            ],
          },
          minItems: 1,
          uniqueItems: true,
          description:
            'Return only these properties of each item (smaller results, so more items fit the result budget). Omit for every property.',
        },
        maxItems: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description:
            'Collect up to this many items by walking pages (omit for one page). Stops early at the 40000-character result budget; nextCursor then resumes right after the last item returned.',
        },
      },
      required: ['userId'],
      additionalProperties: false,
    },
    annotations: {
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
    binding: {
      operationId: 'getUserSessions',
      method: 'GET',
      path: '/v1/users/{userId}/sessions',
      pathParams: ['userId'],
      queryParams: ['pageSize', 'cursor'],
      responseType: 'json',
      auth: true,
      paging: {
        cursorParam: 'cursor',
        pageSizeParam: 'pageSize',
        itemsPath: ['data'],
        nextCursorPath: ['pagination', 'nextCursor'],
        hasMorePath: ['pagination', 'hasMore'],
        paginationPath: ['pagination'],
      },
    },
    list: {
      maxItems: true,
      fields: [
        'botScore',
        'createdAt',
        'detectionFlags',
        'id',
        'pageUrl',
        'status',
        'updatedAt',
        'userAgentSummary',
        'userId',
        'userName',
        'userUrl',
      ],
    },
  },
];

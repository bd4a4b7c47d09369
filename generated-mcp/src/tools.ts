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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          description: 'Health probe result (a bare object, not an envelope).',
          properties: {
            status: {
              description: 'Health status, e.g. `healthy`.',
              type: 'string',
            },
            timestamp: {
              description: 'Server time of the probe (ISO-8601 with offset, 7 fractional-second digits).',
              type: 'string',
            },
            version: {
              description: 'API version string, e.g. `1.0.17.0`.',
              type: 'string',
            },
          },
          required: ['status', 'version', 'timestamp'],
          type: 'object',
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          description: 'Aggregated analytics over the requested period.',
          properties: {
            botDetection: {
              description: 'Sessions by bot-detection confidence.',
              properties: {
                highConfidenceBots: {
                  description: 'Sessions classified as bots with high confidence.',
                  type: 'integer',
                },
                likelyHumans: {
                  description: 'Sessions classified as likely human.',
                  type: 'integer',
                },
                lowConfidenceBots: {
                  description: 'Sessions classified as bots with low confidence.',
                  type: 'integer',
                },
                mediumConfidenceBots: {
                  description: 'Sessions classified as bots with medium confidence.',
                  type: 'integer',
                },
              },
              type: 'object',
            },
            deviceBreakdown: {
              description: 'Sessions by device class and browser.',
              properties: {
                browserCounts: {
                  additionalProperties: {
                    type: 'integer',
                  },
                  description: 'Session count per browser name.',
                  type: 'object',
                },
                desktop: {
                  description: 'Sessions from desktops.',
                  type: 'integer',
                },
                mobile: {
                  description: 'Sessions from mobile devices.',
                  type: 'integer',
                },
                tablet: {
                  description: 'Sessions from tablets.',
                  type: 'integer',
                },
              },
              type: 'object',
            },
            endDate: {
              description: 'End of the analysed window.',
              type: 'string',
            },
            generatedAt: {
              description: 'When these analytics were computed.',
              type: 'string',
            },
            groupBy: {
              description: 'The time-series bucket size that was applied, e.g. `day`.',
              type: 'string',
            },
            period: {
              description: 'The period that was applied, e.g. `7d`.',
              type: 'string',
            },
            startDate: {
              description: 'Start of the analysed window.',
              type: 'string',
            },
            summary: {
              description: 'Headline totals for the period.',
              properties: {
                averageBotScore: {
                  description: 'Average `botScore` (0–1).',
                  type: 'number',
                },
                averageEventsPerSession: {
                  description: 'Average number of events per session.',
                  type: 'number',
                },
                totalEvents: {
                  description: 'Number of events.',
                  type: 'integer',
                },
                totalSessions: {
                  description: 'Number of sessions.',
                  type: 'integer',
                },
                uniqueBots: {
                  description: 'Number of distinct bots detected.',
                  type: 'integer',
                },
                uniqueUsers: {
                  description: 'Number of distinct LMS users.',
                  type: 'integer',
                },
              },
              type: 'object',
            },
            timeSeries: {
              description: 'Time series, one point per `groupBy` bucket.',
              items: {
                description: 'One bucket of the analytics time series.',
                properties: {
                  botCount: {
                    description: 'Bot sessions in the bucket.',
                    type: 'integer',
                  },
                  eventCount: {
                    description: 'Events in the bucket.',
                    type: 'integer',
                  },
                  sessionCount: {
                    description: 'Sessions in the bucket.',
                    type: 'integer',
                  },
                  timestamp: {
                    description: 'Start of the bucket.',
                    type: 'string',
                  },
                  userMatchedCount: {
                    description: 'Sessions matched to an LMS user in the bucket.',
                    type: 'integer',
                  },
                },
                type: 'object',
              },
              type: 'array',
            },
            topOrigins: {
              description: 'Origins with the most sessions.',
              items: {
                description: 'Session counts for one origin.',
                properties: {
                  botPercentage: {
                    description: 'Share of bot sessions from this origin (scale, 0–1 or 0–100, not documented).',
                    type: 'number',
                  },
                  origin: {
                    description: 'Origin (scheme + host) the sessions came from.',
                    type: 'string',
                  },
                  sessionCount: {
                    description: 'Sessions from this origin.',
                    type: 'integer',
                  },
                },
                type: 'object',
              },
              type: 'array',
            },
            userMatching: {
              description: 'How many sessions were correlated with LMS users.',
              properties: {
                averageCorrelationConfidence: {
                  description: 'Average confidence of the user correlations (scale not documented).',
                  type: 'number',
                },
                matchRate: {
                  description: 'Share of matched sessions (scale, 0–1 or 0–100, not documented).',
                  type: 'number',
                },
                totalMatched: {
                  description: 'Sessions matched to an LMS user.',
                  type: 'integer',
                },
                totalUnmatched: {
                  description: 'Sessions not matched to an LMS user.',
                  type: 'integer',
                },
              },
              type: 'object',
            },
          },
          type: 'object',
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
    },
    binding: {
      operationId: 'getAnalytics',
      method: 'GET',
      path: '/v1/analytics',
      pathParams: [],
      queryParams: ['period', 'groupBy'],
      responseType: 'json',
      auth: true,
      envelope: 'data',
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                description: 'An LMS course extracted from session URLs.',
                properties: {
                  botSessionCount: {
                    description: "Number of the course's sessions classified as bot.",
                    type: 'integer',
                  },
                  courseId: {
                    description: 'Course id as found in the LMS URLs.',
                    type: 'string',
                  },
                  courseName: {
                    description: 'Course name.',
                    type: 'string',
                  },
                  courseUrl: {
                    description: 'Course URL.',
                    type: 'string',
                  },
                  firstSeen: {
                    description: 'First time the course was seen.',
                    type: 'string',
                  },
                  lastSeen: {
                    description: 'Last time the course was seen.',
                    type: 'string',
                  },
                  sessionCount: {
                    description: 'Number of sessions recorded in the course.',
                    type: 'integer',
                  },
                  userCount: {
                    description: 'Number of distinct LMS users seen in the course.',
                    type: 'integer',
                  },
                },
                type: 'object',
              },
            },
            nextCursor: {
              type: ['string', 'number', 'null'],
              description: 'Pass back unchanged as cursor for the next page; null on the last page.',
            },
            hasMore: {
              type: 'boolean',
            },
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
          },
          required: ['items', 'nextCursor', 'hasMore'],
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          description: 'The integration bound to the API key. Every list endpoint is implicitly scoped to it.',
          properties: {
            apiKeyMasked: {
              description:
                'Masked form of the API key, as shown in the dashboard. The full key is only shown once, at creation.',
              type: 'string',
            },
            createdAt: {
              description: 'When the integration was created.',
              type: 'string',
            },
            id: {
              description: 'Integration id.',
              type: 'string',
            },
            name: {
              description: 'Integration name.',
              type: 'string',
            },
            region: {
              description: 'Region the integration (and its keys) lives in: `us` or `eu`.',
              type: 'string',
            },
            tier: {
              description: 'Plan tier: `free`, `pro` or `enterprise` (same value as the `x-isnotai-tier` header).',
              type: 'string',
            },
          },
          required: ['id'],
          type: 'object',
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
    },
    binding: {
      operationId: 'getIntegration',
      method: 'GET',
      path: '/v1/integration',
      pathParams: [],
      queryParams: [],
      responseType: 'json',
      auth: true,
      envelope: 'data',
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                description: "A tracking session of the caller's integration.",
                properties: {
                  botScore: {
                    description:
                      'Bot-likelihood score from 0 (human) to 1 (bot). Sessions with `botScore >= 0.7` are treated as bots (the `botOnly` filter threshold).',
                    type: 'number',
                  },
                  createdAt: {
                    description: 'When the session was created.',
                    type: 'string',
                  },
                  detectionFlags: {
                    description:
                      'Detection signals raised for this session. Values are not documented as a closed set.',
                    items: {
                      type: 'string',
                    },
                    type: 'array',
                  },
                  id: {
                    description: 'Session id.',
                    type: 'string',
                  },
                  pageUrl: {
                    description: 'URL of the page the session was recorded on, if known.',
                    type: ['string', 'null'],
                  },
                  status: {
                    description:
                      'Session status, e.g. `active` or `closed`. Not a closed set: other values may appear.',
                    type: 'string',
                  },
                  updatedAt: {
                    description: 'When the session was last updated.',
                    type: 'string',
                  },
                  userAgentSummary: {
                    description: 'Short summary of the client user agent (browser/OS/device).',
                    type: 'string',
                  },
                  userId: {
                    description:
                      'LMS user id (provider-neutral) correlated with this session, or null if the session is not matched to a user. Same value accepted by `GET /v1/users/{userId}/sessions`.',
                    type: ['string', 'null'],
                  },
                  userName: {
                    description: 'Display name of the correlated LMS user, or null if not matched.',
                    type: ['string', 'null'],
                  },
                  userUrl: {
                    description: "URL of the correlated LMS user's profile, or null if not matched.",
                    type: ['string', 'null'],
                  },
                },
                type: 'object',
              },
            },
            nextCursor: {
              type: ['string', 'number', 'null'],
              description: 'Pass back unchanged as cursor for the next page; null on the last page.',
            },
            hasMore: {
              type: 'boolean',
            },
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
          },
          required: ['items', 'nextCursor', 'hasMore'],
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          description: "A tracking session of the caller's integration.",
          properties: {
            botScore: {
              description:
                'Bot-likelihood score from 0 (human) to 1 (bot). Sessions with `botScore >= 0.7` are treated as bots (the `botOnly` filter threshold).',
              type: 'number',
            },
            createdAt: {
              description: 'When the session was created.',
              type: 'string',
            },
            detectionFlags: {
              description: 'Detection signals raised for this session. Values are not documented as a closed set.',
              items: {
                type: 'string',
              },
              type: 'array',
            },
            id: {
              description: 'Session id.',
              type: 'string',
            },
            pageUrl: {
              description: 'URL of the page the session was recorded on, if known.',
              type: ['string', 'null'],
            },
            status: {
              description: 'Session status, e.g. `active` or `closed`. Not a closed set: other values may appear.',
              type: 'string',
            },
            updatedAt: {
              description: 'When the session was last updated.',
              type: 'string',
            },
            userAgentSummary: {
              description: 'Short summary of the client user agent (browser/OS/device).',
              type: 'string',
            },
            userId: {
              description:
                'LMS user id (provider-neutral) correlated with this session, or null if the session is not matched to a user. Same value accepted by `GET /v1/users/{userId}/sessions`.',
              type: ['string', 'null'],
            },
            userName: {
              description: 'Display name of the correlated LMS user, or null if not matched.',
              type: ['string', 'null'],
            },
            userUrl: {
              description: "URL of the correlated LMS user's profile, or null if not matched.",
              type: ['string', 'null'],
            },
          },
          required: ['id'],
          type: 'object',
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
    },
    binding: {
      operationId: 'getSession',
      method: 'GET',
      path: '/v1/sessions/{sessionId}',
      pathParams: ['sessionId'],
      queryParams: [],
      responseType: 'json',
      auth: true,
      envelope: 'data',
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          description: 'Detailed session data: timeline, event counts and page history.',
          properties: {
            durationSeconds: {
              description: 'Session duration in seconds.',
              type: 'number',
            },
            endTime: {
              description: 'When the session ended, or null if it is still active.',
              type: ['string', 'null'],
            },
            eventCounts: {
              description: 'Number of recorded events per category.',
              properties: {
                form: {
                  description: 'Form events.',
                  type: 'integer',
                },
                keyboard: {
                  description: 'Keyboard events.',
                  type: 'integer',
                },
                mouse: {
                  description: 'Mouse events.',
                  type: 'integer',
                },
                scroll: {
                  description: 'Scroll events.',
                  type: 'integer',
                },
                total: {
                  description: 'Total number of events.',
                  type: 'integer',
                },
                touch: {
                  description: 'Touch events.',
                  type: 'integer',
                },
              },
              type: 'object',
            },
            pageHistory: {
              description: 'Pages visited during the session.',
              items: {
                description: 'One page visited during the session.',
                properties: {
                  durationMs: {
                    description: 'Time spent on the page, in milliseconds.',
                    type: 'integer',
                  },
                  timestamp: {
                    description: 'When the page was visited.',
                    type: 'string',
                  },
                  type: {
                    description: 'Kind of page visit. Values are not documented as a closed set.',
                    type: 'string',
                  },
                  url: {
                    description: 'Page URL.',
                    type: 'string',
                  },
                },
                type: 'object',
              },
              type: 'array',
            },
            sessionId: {
              description: 'Session id.',
              type: 'string',
            },
            startTime: {
              description: 'When the session started.',
              type: 'string',
            },
            timeline: {
              description: 'Activity timeline, in time order.',
              items: {
                description: 'One bucket of the session activity timeline.',
                properties: {
                  activityLevel: {
                    description: 'Relative activity level of the bucket (scale not documented).',
                    type: 'number',
                  },
                  dominantEventType: {
                    description: 'Most frequent event type in the bucket. Values are not documented as a closed set.',
                    type: 'string',
                  },
                  eventCount: {
                    description: 'Number of events in the bucket.',
                    type: 'integer',
                  },
                  timestamp: {
                    description: 'Start of the bucket.',
                    type: 'string',
                  },
                },
                type: 'object',
              },
              type: 'array',
            },
          },
          required: ['sessionId'],
          type: 'object',
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
    },
    binding: {
      operationId: 'getSessionDetails',
      method: 'GET',
      path: '/v1/sessions/{sessionId}/details',
      pathParams: ['sessionId'],
      queryParams: [],
      responseType: 'json',
      auth: true,
      envelope: 'data',
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                description: 'Metadata of one recorded event (the payload itself is not returned).',
                properties: {
                  eventId: {
                    description: 'Event id.',
                    type: 'string',
                  },
                  eventTypeName: {
                    description: 'Short name of the event type, e.g. `init`, `mouse_move`, `keypress`.',
                    type: 'string',
                  },
                  messageId: {
                    description: 'Message-type byte of the event (see the `type` filter of listEvents).',
                    type: 'integer',
                  },
                  payloadSize: {
                    description: 'Size of the event payload, in bytes.',
                    type: 'integer',
                  },
                  timestamp: {
                    description: 'When the event happened, as Unix time in milliseconds.',
                    type: 'integer',
                  },
                },
                type: 'object',
              },
            },
            nextCursor: {
              type: ['string', 'number', 'null'],
              description: 'Pass back unchanged as cursor for the next page; null on the last page.',
            },
            hasMore: {
              type: 'boolean',
            },
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
          },
          required: ['items', 'nextCursor', 'hasMore'],
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          description: 'High-level counters for the integration.',
          properties: {
            activeSessions: {
              description: 'Number of currently active sessions.',
              type: 'integer',
            },
            averageBotScore: {
              description: 'Average `botScore` (0–1) over all sessions.',
              type: 'number',
            },
            botSessions: {
              description: 'Number of sessions classified as bots.',
              type: 'integer',
            },
            lastSessionAt: {
              description: 'When the most recent session was recorded, or null if there are none.',
              type: ['string', 'null'],
            },
            totalEvents: {
              description: 'Total number of events.',
              type: 'integer',
            },
            totalSessions: {
              description: 'Total number of sessions.',
              type: 'integer',
            },
            totalUsers: {
              description: 'Number of distinct LMS users.',
              type: 'integer',
            },
          },
          type: 'object',
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
    },
    binding: {
      operationId: 'getStats',
      method: 'GET',
      path: '/v1/stats',
      pathParams: [],
      queryParams: [],
      responseType: 'json',
      auth: true,
      envelope: 'data',
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          description:
            'Payload of UsageResponse: API consumption over a date range. Not a `data` wrapper around one object and not paginated: the top level holds `startDate`, `endDate`, `data` and `totals`.',
          properties: {
            data: {
              description: 'Usage data points, one per period and metric.',
              items: {
                description: 'Usage of one metric in one period.',
                properties: {
                  metricType: {
                    description: 'Metric name, e.g. `ApiCalls`, `Events`, `Sessions`, `StorageBytes`, `BotAnalyses`.',
                    type: 'string',
                  },
                  period: {
                    description: 'The period this value covers (format/granularity not documented).',
                    type: 'string',
                  },
                  value: {
                    description: 'Metric value for the period.',
                    type: 'integer',
                  },
                },
                type: 'object',
              },
              type: 'array',
            },
            endDate: {
              description: 'End of the reported range (ISO-8601 date).',
              type: 'string',
            },
            startDate: {
              description: 'Start of the reported range (ISO-8601 date).',
              type: 'string',
            },
            totals: {
              additionalProperties: {
                type: 'integer',
              },
              description: 'Total per metric type over the whole range (metric type → total).',
              type: 'object',
            },
          },
          required: ['startDate', 'endDate', 'data', 'totals'],
          type: 'object',
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                description: "An LMS user correlated with sessions of the caller's integration.",
                properties: {
                  averageBotScore: {
                    description: "Average `botScore` (0–1) over the user's sessions.",
                    type: 'number',
                  },
                  botSessionCount: {
                    description: "Number of the user's sessions classified as bot.",
                    type: 'integer',
                  },
                  deviceCount: {
                    description: 'Number of distinct devices seen for the user.',
                    type: 'integer',
                  },
                  firstSeen: {
                    description: 'First time the user was seen.',
                    type: 'string',
                  },
                  lastSeen: {
                    description: 'Last time the user was seen.',
                    type: 'string',
                  },
                  maxBotScore: {
                    description: "Highest `botScore` (0–1) among the user's sessions.",
                    type: 'number',
                  },
                  mediumSessionCount: {
                    description: "Number of the user's sessions with a medium bot score.",
                    type: 'integer',
                  },
                  riskLevel: {
                    description: 'Risk classification of the user. Values are not documented; treat as an open string.',
                    type: 'string',
                  },
                  sessionCount: {
                    description: 'Number of sessions correlated with the user.',
                    type: 'integer',
                  },
                  sparkline: {
                    description: 'Small series of recent activity counts, for sparkline charts.',
                    items: {
                      type: 'integer',
                    },
                    type: 'array',
                  },
                  userId: {
                    description: 'LMS user id (provider-neutral). Use it with `GET /v1/users/{userId}/sessions`.',
                    type: 'string',
                  },
                  userName: {
                    description: 'Display name of the user.',
                    type: 'string',
                  },
                  userUrl: {
                    description: "URL of the user's LMS profile.",
                    type: 'string',
                  },
                },
                type: 'object',
              },
            },
            nextCursor: {
              type: ['string', 'number', 'null'],
              description: 'Pass back unchanged as cursor for the next page; null on the last page.',
            },
            hasMore: {
              type: 'boolean',
            },
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
          },
          required: ['items', 'nextCursor', 'hasMore'],
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
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
    outputSchema: {
      type: 'object',
      anyOf: [
        {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                description: "A tracking session of the caller's integration.",
                properties: {
                  botScore: {
                    description:
                      'Bot-likelihood score from 0 (human) to 1 (bot). Sessions with `botScore >= 0.7` are treated as bots (the `botOnly` filter threshold).',
                    type: 'number',
                  },
                  createdAt: {
                    description: 'When the session was created.',
                    type: 'string',
                  },
                  detectionFlags: {
                    description:
                      'Detection signals raised for this session. Values are not documented as a closed set.',
                    items: {
                      type: 'string',
                    },
                    type: 'array',
                  },
                  id: {
                    description: 'Session id.',
                    type: 'string',
                  },
                  pageUrl: {
                    description: 'URL of the page the session was recorded on, if known.',
                    type: ['string', 'null'],
                  },
                  status: {
                    description:
                      'Session status, e.g. `active` or `closed`. Not a closed set: other values may appear.',
                    type: 'string',
                  },
                  updatedAt: {
                    description: 'When the session was last updated.',
                    type: 'string',
                  },
                  userAgentSummary: {
                    description: 'Short summary of the client user agent (browser/OS/device).',
                    type: 'string',
                  },
                  userId: {
                    description:
                      'LMS user id (provider-neutral) correlated with this session, or null if the session is not matched to a user. Same value accepted by `GET /v1/users/{userId}/sessions`.',
                    type: ['string', 'null'],
                  },
                  userName: {
                    description: 'Display name of the correlated LMS user, or null if not matched.',
                    type: ['string', 'null'],
                  },
                  userUrl: {
                    description: "URL of the correlated LMS user's profile, or null if not matched.",
                    type: ['string', 'null'],
                  },
                },
                type: 'object',
              },
            },
            nextCursor: {
              type: ['string', 'number', 'null'],
              description: 'Pass back unchanged as cursor for the next page; null on the last page.',
            },
            hasMore: {
              type: 'boolean',
            },
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
          },
          required: ['items', 'nextCursor', 'hasMore'],
        },
        {
          type: 'object',
          description:
            'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
          properties: {
            truncated: {
              type: 'object',
              properties: {
                note: {
                  type: 'string',
                },
              },
              required: ['note'],
            },
            mismatch: {
              type: 'string',
            },
          },
          anyOf: [
            {
              required: ['truncated'],
            },
            {
              required: ['mismatch'],
            },
          ],
        },
      ],
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

/** Wire shapes served by the contract server; they mirror the components of spec/1.0.17.0/openapi.json. */

export interface Pagination {
  nextCursor?: string | null;
  hasMore: boolean;
  limit: number;
}

export interface ListResponse<T> {
  data: T[];
  pagination: Pagination;
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface ErrorEnvelope {
  error: ErrorBody;
}

export interface PublicSession {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: string;
  botScore: number;
  detectionFlags: string[];
  pageUrl: string | null;
  userAgentSummary: string;
  userId: string | null;
  userName: string | null;
  userUrl: string | null;
}

export interface EventCounts {
  total: number;
  mouse: number;
  scroll: number;
  keyboard: number;
  touch: number;
  form: number;
}

export interface TimelineEntry {
  timestamp: string;
  eventCount: number;
  dominantEventType: string;
  activityLevel: number;
}

export interface PageVisit {
  url: string;
  timestamp: string;
  type: string;
  durationMs: number;
}

export interface SessionDetails {
  sessionId: string;
  startTime: string;
  endTime: string | null;
  durationSeconds: number;
  eventCounts: EventCounts;
  timeline: TimelineEntry[];
  pageHistory: PageVisit[];
}

export interface SessionEvent {
  eventId: string;
  messageId: number;
  eventTypeName: string;
  timestamp: number;
  payloadSize: number;
}

export interface PublicUser {
  userId: string;
  userName: string;
  sessionCount: number;
  botSessionCount: number;
  mediumSessionCount: number;
  averageBotScore: number;
  maxBotScore: number;
  deviceCount: number;
  firstSeen: string;
  lastSeen: string;
  riskLevel: string;
  sparkline: number[];
  userUrl: string;
}

export interface Course {
  courseId: string;
  courseName: string;
  courseUrl: string;
  sessionCount: number;
  userCount: number;
  botSessionCount: number;
  firstSeen: string;
  lastSeen: string;
}

export interface Analytics {
  period: string;
  groupBy: string;
  startDate: string;
  endDate: string;
  generatedAt: string;
  summary: {
    totalSessions: number;
    totalEvents: number;
    uniqueBots: number;
    uniqueUsers: number;
    averageBotScore: number;
    averageEventsPerSession: number;
  };
  timeSeries: Array<{
    timestamp: string;
    sessionCount: number;
    eventCount: number;
    botCount: number;
    userMatchedCount: number;
  }>;
  botDetection: {
    highConfidenceBots: number;
    mediumConfidenceBots: number;
    lowConfidenceBots: number;
    likelyHumans: number;
  };
  userMatching: {
    totalMatched: number;
    totalUnmatched: number;
    matchRate: number;
    averageCorrelationConfidence: number;
  };
  topOrigins: Array<{ origin: string; sessionCount: number; botPercentage: number }>;
  deviceBreakdown: {
    mobile: number;
    tablet: number;
    desktop: number;
    browserCounts: Record<string, number>;
  };
}

export interface IntegrationStats {
  totalSessions: number;
  botSessions: number;
  activeSessions: number;
  totalUsers: number;
  totalEvents: number;
  averageBotScore: number;
  lastSessionAt: string | null;
}

export interface UsageDataPoint {
  period: string;
  metricType: string;
  value: number;
}

export interface UsageResponse {
  startDate: string;
  endDate: string;
  data: UsageDataPoint[];
  totals: Record<string, number>;
}

export interface PublicIntegration {
  id: string;
  name: string;
  region: string;
  tier: string;
  apiKeyMasked: string;
  createdAt: string;
}

export interface HealthResponse {
  status: string;
  version: string;
  timestamp: string;
}

// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { components } from './types.js';
/** Aggregated analytics over the requested period. */
export type Analytics = components['schemas']['Analytics'];
/** Payload of AnalyticsResponse: aggregated analytics for the integration. */
export type AnalyticsResponse = components['schemas']['AnalyticsResponse'];
/** Headline totals for the period. */
export type AnalyticsSummary = components['schemas']['AnalyticsSummary'];
/** Sessions by bot-detection confidence. */
export type BotDetectionSummary = components['schemas']['BotDetectionSummary'];
/** An LMS course extracted from session URLs. */
export type Course = components['schemas']['Course'];
/** One page of LMS courses extracted from session URLs. */
export type CourseListResponse = components['schemas']['CourseListResponse'];
/** Sessions by device class and browser. */
export type DeviceBreakdown = components['schemas']['DeviceBreakdown'];
/** Error payload. */
export type ErrorBody = components['schemas']['ErrorBody'];
/** Error envelope returned by every non-2xx response (except `/health` and `/openapi/v3.json`, which never return it). Branch on `error.code`, not on the HTTP status (a coarse category) or on `error.message`. */
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];
/** Number of recorded events per category. */
export type EventCounts = components['schemas']['EventCounts'];
/** Payload of EventListResponse: one page of event-level metadata for a session. */
export type EventListResponse = components['schemas']['EventListResponse'];
/** Health probe result (a bare object, not an envelope). */
export type HealthResponse = components['schemas']['HealthResponse'];
/** The integration the presented API key resolved to. */
export type IntegrationResponse = components['schemas']['IntegrationResponse'];
/** High-level counters for the integration. */
export type IntegrationStats = components['schemas']['IntegrationStats'];
/** Session counts for one origin. */
export type OriginSummary = components['schemas']['OriginSummary'];
/** One page visited during the session. */
export type PageVisit = components['schemas']['PageVisit'];
/** Pagination block of every list response. Keep requesting with `cursor` = `nextCursor` until `hasMore` is false; `hasMore === false` is the only terminal signal. */
export type Pagination = components['schemas']['Pagination'];
/** The integration bound to the API key. Every list endpoint is implicitly scoped to it. */
export type PublicIntegration = components['schemas']['PublicIntegration'];
/** A tracking session of the caller's integration. */
export type PublicSession = components['schemas']['PublicSession'];
/** An LMS user correlated with sessions of the caller's integration. */
export type PublicUser = components['schemas']['PublicUser'];
/** Detailed session data: timeline, event counts and page history. */
export type SessionDetails = components['schemas']['SessionDetails'];
/** Payload of SessionDetailsResponse: detailed data for one session. */
export type SessionDetailsResponse = components['schemas']['SessionDetailsResponse'];
/** Metadata of one recorded event (the payload itself is not returned). */
export type SessionEvent = components['schemas']['SessionEvent'];
/** Payload of SessionListResponse: one page of sessions. */
export type SessionListResponse = components['schemas']['SessionListResponse'];
/** Payload of SessionResponse: a single session. */
export type SessionResponse = components['schemas']['SessionResponse'];
/** High-level integration counters. */
export type StatsResponse = components['schemas']['StatsResponse'];
/** One bucket of the analytics time series. */
export type TimeSeriesPoint = components['schemas']['TimeSeriesPoint'];
/** One bucket of the session activity timeline. */
export type TimelineEntry = components['schemas']['TimelineEntry'];
/** Usage of one metric in one period. */
export type UsageDataPoint = components['schemas']['UsageDataPoint'];
/** Payload of UsageResponse: API consumption over a date range. Not a `data` wrapper around one object and not paginated: the top level holds `startDate`, `endDate`, `data` and `totals`. */
export type UsageResponse = components['schemas']['UsageResponse'];
/** Payload of UserListResponse: one page of LMS users. */
export type UserListResponse = components['schemas']['UserListResponse'];
/** How many sessions were correlated with LMS users. */
export type UserMatchingSummary = components['schemas']['UserMatchingSummary'];
/** Payload of UserSessionsResponse: one page of sessions of one LMS user. */
export type UserSessionsResponse = components['schemas']['UserSessionsResponse'];

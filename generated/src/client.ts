// Generated from Not AI Public API by notai-codegen. Do not edit.
import { AnalyticsResource } from './resources/analytics.js';
import { Courses } from './resources/courses.js';
import { Health } from './resources/health.js';
import { Integration } from './resources/integration.js';
import { Sessions } from './resources/sessions.js';
import { Stats } from './resources/stats.js';
import { Usage } from './resources/usage.js';
import { Users } from './resources/users.js';
import { ApiClient } from './runtime/core.js';
import type { ClientOptions } from './runtime/options.js';
import { API_SETTINGS } from './settings.js';
/** Regions (servers) the client can target; each maps to a server URL from the spec. */
export type NotAiRegion = 'us' | 'eu';
/** Header forms the API key can be sent in. */
export type NotAiAuthHeader = 'bearer' | 'x-api-key';
/** Options of `new NotAi()`. */
export type NotAiOptions = ClientOptions<NotAiRegion, NotAiAuthHeader>;

/**
 * The NotAi client without its resource properties, for the standalone functions.
 *
 * Takes the same options as `new NotAi()`. A program that calls only standalone functions (`fn(client, …)`) with this client bundles no resource class and no operation it does not call.
 */
export class NotAiBase extends ApiClient {
  constructor(options: NotAiOptions = {}) {
    super(options, API_SETTINGS);
  }
}

/**
 * Client for Not AI Public API.
 *
 * ```ts
 * const client = new NotAi(); // key from the environment
 * for await (const item of client.courses.list()) {
 *   console.log(item);
 * }
 * ```
 */
export class NotAi extends ApiClient {
  readonly health: Health = new Health(this);
  readonly analytics: AnalyticsResource = new AnalyticsResource(this);
  readonly courses: Courses = new Courses(this);
  readonly integration: Integration = new Integration(this);
  readonly sessions: Sessions = new Sessions(this);
  readonly stats: Stats = new Stats(this);
  readonly usage: Usage = new Usage(this);
  readonly users: Users = new Users(this);

  constructor(options: NotAiOptions = {}) {
    super(options, API_SETTINGS);
  }
}

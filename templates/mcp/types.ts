/**
 * The shapes the generated data table (`tools.ts`, `settings.ts`) fills in, and the structural
 * view of the generated client this runtime calls. Nothing here names a particular API.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export type BindingMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH';

/**
 * Where a paginated response keeps its parts: the client's PagingSpec (one shape per style, each
 * naming its own position parameter), plus the page-size parameter. Lists paginated by `Link`
 * headers have no position parameter: their tool takes the next page's URL in an argument of its
 * own, handed to the client as its `pageUrl` option (which refuses URLs off the API's base URL).
 */
export type PagingBinding = (
  | {
      /** Absent means "cursor": the response (or its last item) names the next cursor. */
      style?: 'cursor';
      cursorParam: string;
      nextCursorPath?: readonly string[];
      itemCursorPath?: readonly string[];
      paginationPath?: readonly string[];
    }
  | { style: 'offset'; offsetParam: string; totalPath?: readonly string[] }
  | {
      style: 'page';
      pageParam: string;
      /** The number of the first page. */
      firstPage?: number;
      totalPath?: readonly string[];
      totalPagesPath?: readonly string[];
    }
  | {
      style: 'link';
      /** The tool argument that carries the next page's URL (not a query parameter). */
      cursorArgument: string;
    }
) & {
  /** Query parameter that sets the page size; without it a page cannot be shrunk. */
  pageSizeParam?: string;
  itemsPath: readonly string[];
  hasMorePath?: readonly string[];
};

/**
 * Whether a failed call may be resent once it may have reached the server: the client's
 * `Idempotency` (runtime/idempotency.ts), the same value the client function puts in its
 * RequestSpec. Absent: by the HTTP method.
 */
export type IdempotencyBinding = 'idempotent' | 'unsafe' | { keyHeader: string };

export interface QueryStyleBinding {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
}

/**
 * How a tool's flat arguments become one operation call. Argument names are the wire names of
 * the path and query parameters; a request body travels in `body`. (Header and cookie
 * parameters are not tool arguments.)
 */
export interface OperationBinding {
  operationId: string;
  method: BindingMethod;
  /** Path template with `{name}` placeholders, e.g. `/v1/sessions/{sessionId}`. */
  path: string;
  pathParams: readonly string[];
  queryParams: readonly string[];
  queryStyles?: Readonly<Record<string, QueryStyleBinding>>;
  /**
   * The request body travels in the `body` argument, encoded by the client's runtime as the client
   * function's RequestSpec says (`json`, `form`: an object of fields, `raw`: sent as given).
   */
  body?: { required: boolean; bodyType: 'json' | 'form' | 'raw'; contentType?: string };
  responseType: 'json' | 'text' | 'blob' | 'none';
  /** The media type a non-JSON answer is asked for (the client's default `accept` is JSON), as the client function does. */
  accept?: string;
  auth: boolean;
  /** The property of a single-object envelope (`{ data: X }`) the tool answers with; absent: the body whole. */
  envelope?: string;
  /** The credentials the operation accepts, where the client must be told (see RequestSpec). */
  security?: readonly (readonly string[])[];
  /** As in the client's RequestSpec: a key header (one key per call, reused on retries) or a mark against the method. */
  idempotency?: IdempotencyBinding;
  paging?: PagingBinding;
}

/** What list tools add on top of the operation's own parameters. */
export interface ListExtras {
  /** Item property names `fields` may select; absent when the tool has no `fields` argument. */
  fields?: readonly string[];
  /** Whether the tool has a `maxItems` argument. */
  maxItems: boolean;
}

/** One row of the generated data table. */
export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  /**
   * Flat, self-contained JSON Schema (`type: object`, `additionalProperties: false`). `$ref`s are
   * inlined, except in a very large schema: there, large schemas used more than once are `$defs`
   * entries, referred to as `#/$defs/<name>` (generator/mcp/schema.ts).
   */
  inputSchema: JsonObject;
  annotations: ToolAnnotations;
  /**
   * JSON Schema of the `structuredContent` a successful call returns: always an object, `anyOf`
   * the documented shape and the flagged one (structured.ts). Absent: text only.
   */
  outputSchema?: JsonObject;
  /** The value is not always an object, so `structuredContent` (and the text) is `{ result: value }`. */
  wrapResult?: true;
  binding: OperationBinding;
  list?: ListExtras;
}

/** Generated constants of one server: names, environment variables, budgets. */
export interface McpSettings {
  /** npm package and MCP implementation name. */
  name: string;
  version: string;
  /** Human name of the API, for messages and server instructions. */
  apiTitle: string;
  env: {
    /** API key variables, first non-empty wins. */
    apiKey: readonly string[];
    region: string;
    baseUrl: string;
    /** `static` or `dynamic` tool mode. */
    mode: string;
    /** Log level variable shared with the client (`off`…`debug`), if the API has one. */
    log?: string;
    /**
     * Auth form -> variable, when the API's operations take different credentials (the client's
     * `credentials` option); each tool's call then sends the one its operation accepts.
     */
    credentials?: Readonly<Record<string, string>>;
  };
  /** Region names the client accepts; the first is the default. */
  regions: readonly string[];
  apiKeyPattern?: string;
  apiKeyFormatHint?: string;
  /** No operation requires a key: the server starts without one and sends none. */
  apiKeyOptional?: boolean;
  /** Characters of compact JSON a result may take. */
  resultBudget: number;
  defaultPageSize: number;
  maxItemsLimit: number;
  /** More tools than this and the server starts in dynamic mode. */
  dynamicAbove: number;
}

// ---- The structural view of the generated client (its ApiClient satisfies these). ----

export interface RequestSpecLike {
  method: BindingMethod;
  path: string;
  query?: object;
  headers?: Readonly<Record<string, unknown>>;
  queryStyles?: Readonly<Record<string, QueryStyleBinding>>;
  body?: unknown;
  bodyType?: 'json' | 'form' | 'raw';
  contentType?: string;
  responseType?: 'json' | 'text' | 'blob' | 'none';
  auth?: boolean;
  security?: readonly (readonly string[])[];
  idempotency?: IdempotencyBinding;
  operationId: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface PageLike {
  readonly data: readonly unknown[];
  readonly body: unknown;
  /** Where the next page is: a cursor string, or an offset or page number (typed by the client's page class). */
  readonly nextPosition: unknown;
  /** The position that requested this page (undefined for the first page). */
  readonly position: unknown;
  hasNextPage(): boolean;
}

export interface PagePromiseLike extends PromiseLike<PageLike> {
  pages(): AsyncIterable<PageLike>;
}

export interface ApiClientLike {
  request(spec: RequestSpecLike, options?: CallOptions): PromiseLike<unknown>;
  requestPage(
    spec: RequestSpecLike,
    paging: PagingBinding,
    options?: CallOptions & { maxItems?: number; pageUrl?: string },
  ): PagePromiseLike;
}

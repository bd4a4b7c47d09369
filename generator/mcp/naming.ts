import { GeneratorError, pointerOf } from '../errors.js';
import { words } from '../ir/naming.js';
import type { HttpMethod, OperationIR } from '../ir/types.js';
import { TOOL_NAME } from './config.js';

export const MAX_TOOL_NAME = 48;
/** Dynamic mode's own tools: no operation may take these names. */
export const META_TOOL_NAMES = ['search_operations', 'describe_operation', 'call_operation'] as const;

const VERBS: Record<HttpMethod, string> = { get: 'get', head: 'head', options: 'options', trace: 'trace', post: 'create', put: 'replace', patch: 'update', delete: 'delete' };

/** `sessions` → `session`, `categories` → `category`, `boxes` → `box`; leaves `status`, `analysis`, `news` alone. */
export function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is|ws)$/.test(word)) return word;
  if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

/**
 * A tool name from method + path: the verb (`list` for paginated GETs, `get` for other GETs,
 * `create`/`replace`/`update`/`delete` otherwise), then the static path segments after the skipped
 * prefix, each one singular when an id follows it:
 * `GET /v1/sessions/{id}/events` (paginated) → `list_session_events`. Longer than 48 characters,
 * middle words are dropped (the verb and the most specific words stay).
 */
export function deriveToolName(op: Pick<OperationIR, 'method' | 'path' | 'paging' | 'operationId'>, skip: RegExp): string {
  const segments = op.path.split('/').filter(Boolean);
  let start = 0;
  while (start < segments.length && skip.test(segments[start]!)) start++;
  const rest = segments.slice(start);
  const nouns: string[] = [];
  rest.forEach((segment, i) => {
    if (segment.startsWith('{')) return;
    const parts = words(segment).map((w) => w.toLowerCase());
    const followedById = rest[i + 1]?.startsWith('{') === true;
    if (followedById && parts.length > 0) parts[parts.length - 1] = singular(parts[parts.length - 1]!);
    nouns.push(...parts);
  });
  const verb = op.method === 'get' && op.paging ? 'list' : VERBS[op.method];
  const all = nouns.length > 0 ? [verb, ...nouns] : [verb, ...words(op.operationId).map((w) => w.toLowerCase())];
  return shorten(all);
}

/**
 * `parts` joined with `_` within `max` characters: while too long, the word after the first
 * `keep` goes (the verb, or a client name's resource and verb, and the most specific words stay),
 * then any word after the first.
 */
function shorten(parts: string[], keep = 1, max = MAX_TOOL_NAME): string {
  let name = parts.join('_');
  if (!/^[a-z]/.test(name)) name = `op_${name}`;
  const kept = [...parts];
  for (const from of [keep, 1]) {
    while (name.length > max && kept.length > from + 1) {
      kept.splice(from, 1);
      name = kept.join('_');
    }
  }
  return name.slice(0, max).replace(/_+$/, '');
}

export interface NamingContext {
  skip: RegExp;
  /** operationId → tool name from the config (a Map: an operationId may be `constructor`). */
  overrides: ReadonlyMap<string, string>;
  configFile: string | undefined;
  specFile: string | undefined;
}

/**
 * The name of a tool whose derived name another operation also derives: the client's own
 * `resource.method` (`apps.getBySlug` → `apps_get_by_slug`), which the IR keeps unique and the
 * names lock keeps stable, so it names the same operation the client's README documents.
 */
export function clientToolName(op: Pick<OperationIR, 'resource' | 'resourceMethod'>, max = MAX_TOOL_NAME): string {
  const resource = words(op.resource).map((w) => w.toLowerCase());
  let method = words(op.resourceMethod).map((w) => w.toLowerCase());
  // `copilot.copilotUsersUsageMetrics` → `copilot_users_usage_metrics`: the resource once is enough.
  if (method.length > resource.length && resource.every((w, i) => method[i] === w)) method = method.slice(resource.length);
  // Resource and verb stay; long names lose the words after them (`actions_get_log_retention_settings_organization`).
  return shorten([...resource, ...method], resource.length + 1, max);
}

/**
 * Names every operation's tool, uniquely for any spec and the same way every time:
 *
 * - a config override (mcp.toolNames) or the name the previous generation recorded
 *   (names-lock.ts) is kept, so a spec release never renames a tool an agent already uses;
 * - every other operation takes its derived name (deriveToolName) when no other operation
 *   derives the same one and no kept name has it; otherwise it is named after its client method
 *   (clientToolName), with `_2`, `_3`… only if even that is taken. An ambiguous name such as
 *   GitHub's `get_app` (`GET /app` and `GET /apps/{app_slug}`) thus goes to neither operation,
 *   whichever the spec lists first.
 *
 * Only a config override that collides is an error: it is the user's explicit choice.
 */
export function assignToolNames(ops: readonly OperationIR[], ctx: NamingContext, recorded: (op: OperationIR) => string | undefined = () => undefined): Map<OperationIR, string> {
  const known = new Set(ops.map((op) => op.operationId));
  for (const id of ctx.overrides.keys()) {
    if (!known.has(id)) throw new GeneratorError(`Config names operation "${id}", which the spec does not have`, pointerOf('mcp', 'toolNames', id), ctx.configFile);
  }
  const taken = new Map<string, string>(META_TOOL_NAMES.map((name) => [name, 'dynamic mode']));
  const names = new Map<OperationIR, string>();
  const claim = (op: OperationIR, name: string): void => {
    if (!TOOL_NAME.test(name)) throw new GeneratorError(`Cannot derive a valid tool name for this operation ("${name}"); set mcp.toolNames.${op.operationId}`, op.pointer, ctx.specFile);
    const other = taken.get(name);
    if (other !== undefined) {
      throw new GeneratorError(`Tool name "${name}" is already taken (by ${other}); set mcp.toolNames.${op.operationId} in the config`, op.pointer, ctx.specFile);
    }
    taken.set(name, op.pointer);
    names.set(op, name);
  };
  // Kept names first: overrides, then recorded ones (an override renames, and the release diff says so).
  const rest: OperationIR[] = [];
  for (const op of ops) {
    const override = ctx.overrides.get(op.operationId);
    if (override !== undefined) claim(op, override);
  }
  for (const op of ops) {
    if (names.has(op)) continue;
    const kept = recorded(op);
    // A recorded name an override has since taken is derived afresh, like any other.
    if (kept !== undefined && !taken.has(kept) && TOOL_NAME.test(kept)) claim(op, kept);
    else rest.push(op);
  }
  const derived = new Map(rest.map((op) => [op, deriveToolName(op, ctx.skip)]));
  const derivers = new Map<string, number>();
  for (const name of derived.values()) derivers.set(name, (derivers.get(name) ?? 0) + 1);
  for (const op of rest) {
    const own = derived.get(op)!;
    if (derivers.get(own) === 1 && !taken.has(own)) {
      claim(op, own);
      continue;
    }
    let name = clientToolName(op);
    for (let i = 2; taken.has(name); i++) name = `${clientToolName(op, MAX_TOOL_NAME - String(i).length - 1)}_${i}`;
    claim(op, name);
  }
  // The table keeps the spec's order.
  return new Map(ops.map((op) => [op, names.get(op)!]));
}

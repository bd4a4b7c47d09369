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

function shorten(parts: string[]): string {
  let name = parts.join('_');
  if (!/^[a-z]/.test(name)) name = `op_${name}`;
  const kept = [...parts];
  while (name.length > MAX_TOOL_NAME && kept.length > 2) {
    kept.splice(1, 1);
    name = kept.join('_');
  }
  return name.slice(0, MAX_TOOL_NAME).replace(/_+$/, '');
}

export interface NamingContext {
  skip: RegExp;
  /** operationId → tool name from the config (a Map: an operationId may be `constructor`). */
  overrides: ReadonlyMap<string, string>;
  configFile: string | undefined;
  specFile: string | undefined;
}

/**
 * Names every operation's tool. A tool keeps the name the previous generation recorded
 * (names-lock.ts), so an operation a spec release adds gives way: when its derived name is taken
 * it is named after its operationId instead, and that name is recorded in turn. Otherwise a name
 * two operations would share is an error at the second one, which the config resolves.
 */
export function assignToolNames(ops: readonly OperationIR[], ctx: NamingContext, recorded: (op: OperationIR) => string | undefined = () => undefined): Map<OperationIR, string> {
  const known = new Set(ops.map((op) => op.operationId));
  for (const id of ctx.overrides.keys()) {
    if (!known.has(id)) throw new GeneratorError(`Config names operation "${id}", which the spec does not have`, pointerOf('mcp', 'toolNames', id), ctx.configFile);
  }
  const taken = new Map<string, string>(META_TOOL_NAMES.map((name) => [name, 'dynamic mode']));
  const names = new Map<OperationIR, string>();
  const released = ops.some((op) => recorded(op) !== undefined);
  // Recorded tools name first; in a first generation every operation is new and none gives way.
  const ordered = released ? [...ops.filter((op) => recorded(op) !== undefined), ...ops.filter((op) => recorded(op) === undefined)] : ops;
  for (const op of ordered) {
    const override = ctx.overrides.get(op.operationId);
    const kept = recorded(op);
    let name = override ?? kept ?? deriveToolName(op, ctx.skip);
    if (override === undefined && kept === undefined && released && taken.has(name)) {
      const fallback = shorten(words(op.operationId).map((w) => w.toLowerCase()));
      name = fallback;
      for (let i = 2; taken.has(name); i++) name = `${fallback.slice(0, MAX_TOOL_NAME - String(i).length - 1)}_${i}`;
    }
    if (!TOOL_NAME.test(name)) throw new GeneratorError(`Cannot derive a valid tool name for this operation ("${name}"); set mcp.toolNames.${op.operationId}`, op.pointer, ctx.specFile);
    const other = taken.get(name);
    if (other !== undefined) {
      throw new GeneratorError(`Tool name "${name}" is already taken (by ${other}); set mcp.toolNames.${op.operationId} in the config`, op.pointer, ctx.specFile);
    }
    taken.set(name, op.pointer);
    names.set(op, name);
  }
  // The table keeps the spec's order.
  return new Map(ops.map((op) => [op, names.get(op)!]));
}

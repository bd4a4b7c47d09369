/**
 * The names a previous generation assigned, recorded in the output's `codegen.lock.json` so that
 * a spec release never renames what users already call. Derived names depend on the whole spec
 * (a collision with a newly added operation or schema moves the suffix, a new `GET /pets` beside
 * `GET /pets/{id}` used to turn `pets.get()` into `pets.getPet()`); recorded ones do not. Only the
 * config renames (its `operations` overrides win over the lock), and the release diff then says so.
 */
import { isJsMeaningful } from './naming.js';
import { isObject } from '../schema/json.js';
import type { ApiIR, HttpMethod } from './types.js';

export interface OperationNames {
  /** Exported function name. */
  function: string;
  /** Prefix of the operation's type aliases (`<types>Params`, `<types>Response`…). */
  types: string;
  /** Client property of its resource, and its method there. */
  resource: string;
  method: string;
  /** Its MCP tool, when an MCP server is generated. */
  tool?: string;
}

export interface ResourceNames {
  className: string;
}

export interface NamesLock {
  /** Keyed by `METHOD /path` as the spec writes it. */
  operations: Record<string, OperationNames>;
  /** Keyed by the resource's client property. */
  resources: Record<string, ResourceNames>;
  /** Component schema name → its exported type alias. */
  schemas: Record<string, string>;
}

/** `GET /v1/sessions/{id}`: how an operation is known across releases (its HTTP identity). */
export function operationKey(method: HttpMethod | string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** The names an IR assigned, for the lock. Sorted keys keep the lock's bytes stable. */
export function namesOf(ir: ApiIR): NamesLock {
  const operations = ir.operations
    .map((op) => [operationKey(op.method, op.path), { function: op.functionName, types: op.typeName, resource: op.resource, method: op.resourceMethod, ...(op.toolName ? { tool: op.toolName } : {}) }] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const resources = ir.resources.map((r) => [r.property, { className: r.className }] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const schemas = ir.schemaAliases.map((s) => [s.schemaName, s.name] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { operations: Object.fromEntries(operations), resources: Object.fromEntries(resources), schemas: Object.fromEntries(schemas) };
}

/** No `$`: the generator never derives one, and emitted modules keep `$` names for their own helpers (`Named$`). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * A name the lock may hand back. A name JavaScript gives meaning to (`then`, `toString`; see
 * naming.ts), recorded by an older generator, is not: it is derived afresh (`then_`), a rename the
 * release diff reports, because keeping it keeps the package broken (`await import()` hangs).
 */
const usable = (name: string): boolean => IDENTIFIER.test(name) && !isJsMeaningful(name);
/** What an MCP tool name may be (mcp/config.ts's rule). */
const TOOL = /^[A-Za-z][A-Za-z0-9_-]{0,47}$/;

/**
 * The `names` section of a lock file, or undefined when there is none. An entry that is not a
 * set of identifiers (a hand-edited or damaged lock) is dropped: that name is derived afresh, which
 * the release diff then reports, rather than printed into code.
 */
export function readNamesLock(lock: unknown): NamesLock | undefined {
  if (!isObject(lock) || !isObject(lock.names)) return undefined;
  const { names } = lock;
  const entries = (value: unknown): [string, unknown][] => (isObject(value) ? Object.entries(value) : []);
  const ids = (value: unknown, keys: readonly string[]): Record<string, string> | undefined => {
    if (!isObject(value)) return undefined;
    const out: Record<string, string> = {};
    for (const key of keys) {
      const v = value[key];
      if (typeof v !== 'string' || !usable(v)) return undefined;
      out[key] = v;
    }
    return out;
  };
  const operations: Record<string, OperationNames> = {};
  for (const [key, value] of entries(names.operations)) {
    const v = ids(value, ['function', 'types', 'resource', 'method']);
    const tool = isObject(value) && typeof value.tool === 'string' && TOOL.test(value.tool) ? { tool: value.tool } : {};
    if (v) operations[key] = { function: v.function!, types: v.types!, resource: v.resource!, method: v.method!, ...tool };
  }
  const resources: Record<string, ResourceNames> = {};
  for (const [key, value] of entries(names.resources)) {
    const v = ids(value, ['className']);
    if (v && usable(key)) resources[key] = { className: v.className! };
  }
  // Keyed by the spec's schema names, which may be `__proto__`: fromEntries makes it a key, where
  // an assignment would set the prototype and lose the entry.
  const schemas: Record<string, string> = Object.fromEntries(entries(names.schemas).filter((e): e is [string, string] => typeof e[1] === 'string' && usable(e[1])));
  return { operations, resources, schemas };
}

/**
 * The recorded names that still apply: those of operations, resources and schemas the spec still
 * has, minus any that clash with a name the generator itself reserves (a newer generator may
 * reserve more). Every name it hands out is reserved up front, so derived names give way to it.
 */
export class NameBook {
  private readonly operations = new Map<string, OperationNames>();
  private readonly schemas = new Map<string, string>();
  private readonly classes = new Map<string, string>();
  /** `<types>Result` names claimed for recorded operations (LATER_TYPE_SUFFIXES). */
  private readonly later = new Set<string>();

  constructor(lock: NamesLock | undefined, present: { operations: ReadonlySet<string>; schemas: ReadonlySet<string> }, reserved: ReadonlySet<string>) {
    if (!lock) return;
    const taken = new Set(reserved);
    const claim = (...names: string[]): boolean => {
      if (names.some((n) => taken.has(n))) return false;
      for (const n of names) taken.add(n);
      return true;
    };
    for (const [schemaName, alias] of Object.entries(lock.schemas)) {
      if (present.schemas.has(schemaName) && claim(alias)) this.schemas.set(schemaName, alias);
    }
    const resourcesInUse = new Set<string>();
    for (const [key, names] of Object.entries(lock.operations)) {
      if (!present.operations.has(key)) continue;
      if (!claim(names.function, ...TYPE_SUFFIXES.map((s) => `${names.types}${s}`))) continue;
      this.operations.set(key, names);
      // Claimed when free; an older lock's operation whose `…Result` is taken keeps its names.
      for (const suffix of LATER_TYPE_SUFFIXES) if (claim(`${names.types}${suffix}`)) this.later.add(`${names.types}${suffix}`);
      resourcesInUse.add(names.resource);
    }
    for (const [property, names] of Object.entries(lock.resources)) {
      if (resourcesInUse.has(property) && claim(names.className)) this.classes.set(property, names.className);
    }
  }

  /** Every name handed out, for the generator's set of taken exports. */
  reservedNames(): string[] {
    return [
      ...this.schemas.values(),
      ...[...this.operations.values()].flatMap((n) => [n.function, ...TYPE_SUFFIXES.map((s) => `${n.types}${s}`)]),
      ...this.classes.values(),
      ...this.later,
    ];
  }

  /** Whether a recorded operation's `<types><suffix>` (a LATER_TYPE_SUFFIXES one) is its own. */
  hasLaterName(name: string): boolean {
    return this.later.has(name);
  }

  operation(method: HttpMethod, path: string): OperationNames | undefined {
    return this.operations.get(operationKey(method, path));
  }

  schema(schemaName: string): string | undefined {
    return this.schemas.get(schemaName);
  }

  resourceClass(property: string): string | undefined {
    return this.classes.get(property);
  }
}

/** The aliases an operation's type prefix stands for (see uniqueTypePrefix in build.ts). */
export const TYPE_SUFFIXES = ['Params', 'Response', 'Item', 'Body'] as const;

/**
 * Aliases added after locks were first written (`Result`: an envelope's property written in
 * place). A new operation's prefix avoids them like the others; a recorded one gets them only
 * when free, so a lock written before them never loses an operation's names over them.
 */
export const LATER_TYPE_SUFFIXES = ['Result'] as const;

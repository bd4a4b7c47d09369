/** Example calls of operations, the opening lines of every example block, and which operations to show. */
import type { ApiIR, OperationIR, ResourceIR } from '../../ir/types.js';
import { literal } from '../ts.js';
import { OBJECT_MEMBERS, lowerFirst, namedValue, pathValue, propertyKey } from './examples.js';
import { code, commentText, list, tsString } from './markdown.js';

export interface Call {
  /** `declare const` lines for values the example cannot spell (a request body, exotic parameters). */
  declarations: string[];
  /** Type names the declarations use. */
  types: string[];
  /** `client.sessions.list(…)` */
  expression: string;
  /** The standalone-function form, `listSessions(client, …)`. */
  functionExpression: string;
}

/**
 * One call of an operation with every required argument filled in. `extra` adds entries to the
 * params object (e.g. a cursor); `options` appends a per-request options literal.
 */
export function callOf(resource: ResourceIR, op: OperationIR, extra: [string, string][] = [], options?: string): Call {
  const names = op.names;
  const declarations: string[] = [];
  const types: string[] = [];
  const args = op.pathParams.map(pathValue);
  if (names.body) {
    declarations.push(`declare const body: ${names.body};`);
    types.push(names.body);
    args.push('body');
  }
  if (names.params) {
    const required = op.namedParams.filter((p) => p.required || OBJECT_MEMBERS.has(p.name));
    const values = required.map((p) => [p.name, namedValue(p)] as const);
    let params: string | undefined;
    if (values.some(([, v]) => v === undefined)) {
      declarations.push(`declare const params: ${names.params};`);
      types.push(names.params);
      params = extra.length > 0 ? `{ ...params, ${extra.map(([k, v]) => `${propertyKey(k)}: ${v}`).join(', ')} }` : 'params';
    } else {
      const entries = [...values.map(([k, v]) => `${propertyKey(k)}: ${v!}`), ...extra.map(([k, v]) => `${propertyKey(k)}: ${v}`)];
      if (entries.length > 0) params = `{ ${entries.join(', ')} }`;
      else if (options !== undefined) params = '{}';
    }
    if (params !== undefined) args.push(params);
  }
  if (options !== undefined) args.push(options);
  return {
    declarations,
    types,
    expression: `client.${resource.property}.${op.resourceMethod}(${args.join(', ')})`,
    functionExpression: `${op.functionName}(${['client', ...args].join(', ')})`,
  };
}

/** The import line plus the client construction every example block starts with. */
export function opening(ir: ApiIR, values: string[], types: string[], construct = `const client = new ${ir.clientClassName}();`): string[] {
  const typeNames = [...new Set(types)].sort();
  return [
    `import { ${[...new Set([ir.clientClassName, ...values])].join(', ')} } from ${literal(ir.packageName)};`,
    ...(typeNames.length > 0 ? [`import type { ${typeNames.join(', ')} } from ${literal(ir.packageName)};`] : []),
    '',
    construct,
  ];
}

export function operationsInOrder(ir: ApiIR): { resource: ResourceIR; op: OperationIR }[] {
  return ir.resources.flatMap((resource) => resource.operations.map((op) => ({ resource, op })));
}

/** The example statement(s) of one operation inside its resource's block. */
export function operationExample(resource: ResourceIR, op: OperationIR): { lines: string[]; types: string[]; declarations: string[] } {
  const names = op.names;
  const call = callOf(resource, op);
  const comment = `// ${commentText(op.summary ?? `${op.method.toUpperCase()} ${op.path}`)}${op.deprecated ? ' (deprecated)' : ''}`;
  if (op.paging && names.item) {
    return {
      lines: [comment, `for await (const item of ${call.expression}) {`, `  console.log(item); // ${names.item}`, '}'],
      types: call.types,
      declarations: call.declarations,
    };
  }
  if (!op.success) return { lines: [comment, `await ${call.expression};`], types: call.types, declarations: call.declarations };
  // Typed with what the call resolves to: the named model (unwrapped from an envelope) where there is one.
  return {
    lines: [comment, `const ${lowerFirst(names.response)}: ${names.result} = await ${call.expression};`],
    types: [...call.types, op.success.model ?? names.response],
    declarations: call.declarations,
  };
}

export function firstPaged(ir: ApiIR): { resource: ResourceIR; op: OperationIR } | undefined {
  return operationsInOrder(ir).find(({ op }) => op.paging);
}

/** A plain (non-paginated) operation with a body to read, for the response and retry examples. */
export function firstPlain(ir: ApiIR): { resource: ResourceIR; op: OperationIR } | undefined {
  const all = operationsInOrder(ir);
  return (
    all.find(({ op }) => !op.paging && op.success && op.requiresAuth && op.pathParams.length === 0 && !op.requestBody) ??
    all.find(({ op }) => !op.paging && op.success) ??
    all[0]
  );
}

/** "`a` or `b` + `c`": alternatives of auth forms, `+` joining forms sent together. */
export const alternatives = (accepts: string[][]): string =>
  list(accepts.map((names) => (names.length === 0 ? 'none' : names.map((n) => code(tsString(n), true)).join(' + '))), 'or');


/** "`client.a.b()`, `client.c.d()` and …": how the README names a list of operations. */
export function calls(ops: ReturnType<typeof operationsInOrder>): string {
  return list(ops.map(({ resource, op }) => `\`client.${resource.property}.${op.resourceMethod}()\``));
}

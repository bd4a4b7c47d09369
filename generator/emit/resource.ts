import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ResourceIR } from '../ir/types.js';
import { ImportSet } from './imports.js';
import { isTypedBody, NAMED_HELPER, NAMED_HELPER_DECLARATION, operationFunction, operationTypeAliases, queryStyleDeclarations, resourceMethod } from './operation.js';
import { standaloneDoc } from './operation-docs.js';
import type { Printer } from './project.js';
import { PAGING_RUNTIME } from './paging-runtime.js';
import { jsDoc } from './ts.js';

/**
 * One module per resource: the operations' type aliases, their standalone (tree-shakable)
 * functions, and the resource class whose methods delegate to those functions.
 */
export function emitResource(resource: ResourceIR, printer: Printer, header: string): string {
  const imports = new ImportSet().type('../types.js', 'paths').type('../runtime/core.js', 'ApiClient');
  const statements: (StatementStructures | string)[] = [];
  let named = false;
  const styles = new Map<string, string>();
  for (const op of resource.operations) {
    for (const [name, declaration] of queryStyleDeclarations(op)) styles.set(name, declaration);
    const aliases = operationTypeAliases(op);
    named ||= aliases.some((a) => typeof a.type === 'string' && a.type.startsWith(`${NAMED_HELPER}<`));
    statements.push(...aliases);
    if (op.namedParams.length > 0 || (op.requestBody && isTypedBody(op.requestBody))) imports.type('../runtime/options.js', 'WithOptionalUndefined');
    if (op.pathParams.length > 0) imports.value('../runtime/paths.js', 'encodePath');
    if (op.success?.model !== undefined) imports.type('../models.js', op.success.model);
    if (op.paging) {
      imports.type('../runtime/pagination.js', 'PagePromise').type('../runtime/options.js', 'PageRequestOptions');
      imports.value('../paging.js', op.paging.constName);
      if (op.paging.style !== 'cursor') imports.type(`../runtime/${PAGING_RUNTIME[op.paging.style].module}.js`, PAGING_RUNTIME[op.paging.style].page);
    } else {
      imports.type('../runtime/api-promise.js', op.success?.envelope === undefined ? 'APIPromise' : 'EnvelopePromise').type('../runtime/options.js', 'RequestOptions');
    }
    statements.push(operationFunction(op, standaloneDoc(op, resource)));
  }
  statements.push({
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    docs: jsDoc({ summary: `Operations under \`client.${resource.property}\`.` }),
    properties: [{ name: '#client', type: 'ApiClient', isReadonly: true }],
    ctors: [{ parameters: [{ name: 'client', type: 'ApiClient' }], statements: ['this.#client = client;'] }],
    methods: resource.operations.map(resourceMethod),
  });
  return printer.print(header, [...imports.structures(), ...(named ? [NAMED_HELPER_DECLARATION] : []), ...queryStyleLines(styles), ...statements]);
}

/** The query styles this module's operations share, one constant each, in name order. */
function queryStyleLines(styles: Map<string, string>): string[] {
  if (styles.size === 0) return [];
  const names = [...styles.keys()].sort();
  return ['// How query parameters are serialised (OpenAPI style and explode), shared by the operations below.', ...names.map((n) => styles.get(n)!)];
}

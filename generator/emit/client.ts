import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ApiIR } from '../ir/types.js';
import { ImportSet } from './imports.js';
import type { Printer } from './project.js';
import { jsDoc, literal } from './ts.js';

export function clientTypeNames(ir: ApiIR): { options: string; region: string; authHeader: string; base: string } {
  return {
    options: `${ir.clientClassName}Options`,
    region: `${ir.clientClassName}Region`,
    authHeader: `${ir.clientClassName}AuthHeader`,
    base: `${ir.clientClassName}Base`,
  };
}

/** The client class: the runtime core plus one property per resource. */
export function emitClient(ir: ApiIR, printer: Printer, header: string): string {
  const authHeaders = ir.auth.forms.map((form) => form.name);
  const names = clientTypeNames(ir);
  const imports = new ImportSet()
    .value('./runtime/core.js', 'ApiClient')
    .type('./runtime/options.js', 'ClientOptions')
    .value('./settings.js', 'API_SETTINGS');
  for (const r of ir.resources) imports.value(`./resources/${r.fileName}.js`, r.className);

  const union = (values: readonly string[]): string => (values.length > 0 ? values.map(literal).join(' | ') : 'string');
  const firstList = ir.resources.find((r) => r.operations.some((o) => o.paging));
  const listOp = firstList?.operations.find((o) => o.paging);
  const example = [
    '```ts',
    `const client = new ${ir.clientClassName}(); // key from ${'the environment'}`,
    ...(firstList && listOp ? [`for await (const item of client.${firstList.property}.${listOp.resourceMethod}(${listOp.pathParams.map(() => "'…'").join(', ')})) {`, '  console.log(item);', '}'] : []),
    '```',
  ].join('\n');

  const statements: (StatementStructures | string)[] = [
    ...imports.structures(),
    {
      kind: StructureKind.TypeAlias,
      name: names.region,
      isExported: true,
      type: union(ir.servers.map((s) => s.name)),
      docs: jsDoc({ summary: 'Regions (servers) the client can target; each maps to a server URL from the spec.' }),
    },
    {
      kind: StructureKind.TypeAlias,
      name: names.authHeader,
      isExported: true,
      type: union(authHeaders),
      docs: jsDoc({ summary: 'Header forms the API key can be sent in.' }),
    },
    {
      kind: StructureKind.TypeAlias,
      name: names.options,
      isExported: true,
      type: `ClientOptions<${names.region}, ${names.authHeader}>`,
      docs: jsDoc({ summary: `Options of \`new ${ir.clientClassName}()\`.` }),
    },
    {
      // A class of its own rather than the client's superclass, so the client's declared shape
      // (and so its released surface) stays `extends ApiClient`.
      kind: StructureKind.Class,
      name: names.base,
      isExported: true,
      extends: 'ApiClient',
      docs: jsDoc({
        summary: `The ${ir.clientClassName} client without its resource properties, for the standalone functions.`,
        description: `Takes the same options as \`new ${ir.clientClassName}()\`. A program that calls only standalone functions (\`fn(client, …)\`) with this client bundles no resource class and no operation it does not call.`,
      }),
      ctors: [{ parameters: [{ name: 'options', type: names.options, initializer: '{}' }], statements: ['super(options, API_SETTINGS);'] }],
    },
    {
      kind: StructureKind.Class,
      name: ir.clientClassName,
      isExported: true,
      extends: 'ApiClient',
      docs: jsDoc({ summary: `Client for ${ir.title}.`, description: example }),
      properties: ir.resources.map((r) => ({
        name: r.property,
        type: r.className,
        isReadonly: true,
        initializer: `new ${r.className}(this)`,
      })),
      ctors: [{ parameters: [{ name: 'options', type: names.options, initializer: '{}' }], statements: ['super(options, API_SETTINGS);'] }],
    },
  ];
  return printer.print(header, statements);
}

/** README section. The exported type aliases. */
import type { ApiIR } from '../../../ir/types.js';

export function types(ir: ApiIR): string[] {
  const sample = ir.operations.find((op) => op.paging) ?? ir.operations[0];
  const names = sample ? sample.names : undefined;
  const aliases = ir.schemaAliases.map((a) => `\`${a.name}\``);
  return [
    '## Types',
    '',
    `Each operation exports thin aliases over the generated OpenAPI types: \`<Operation>Params\`, \`<Operation>Body\`, \`<Operation>Response\` and, for paginated operations, \`<Operation>Item\`${names ? ` (for example \`${[names.params, names.response, names.item].filter(Boolean).join('`, `')}\`)` : ''}. ${aliases.length > 0 ? `Named schemas are exported too: ${aliases.join(', ')}. ` : ''}The raw \`paths\`, \`components\` and \`operations\` types of openapi-typescript are exported for anything else. Dates stay ISO strings, as on the wire; fields, enum values and error codes the spec does not know yet pass through untouched.`,
    '',
  ];
}

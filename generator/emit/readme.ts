import type { ApiIR } from '../ir/types.js';

function mdCell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').trim();
}

/** The generated package's README: generated from the IR, so it cannot drift from the code. */
export function emitReadme(ir: ApiIR, header: string): string {
  const c = ir.clientClassName;
  const lines = [
    `<!-- ${header.replace(/--/g, '- -')} -->`,
    `# ${ir.packageName}`,
    '',
    `TypeScript client for **${mdCell(ir.title)}** ${mdCell(ir.specVersion)}. Zero runtime dependencies; works wherever \`fetch\` does.`,
    '',
    '```ts',
    `import { ${c} } from '${ir.packageName}';`,
    '',
    `const client = new ${c}();`,
    '```',
    '',
    '## Operations',
    '',
    '| Method | HTTP | Summary |',
    '| --- | --- | --- |',
    ...ir.resources.flatMap((r) =>
      r.operations.map(
        (op) =>
          `| \`client.${r.property}.${op.resourceMethod}()\` / \`${op.functionName}()\` | \`${op.method.toUpperCase()} ${mdCell(op.path)}\` | ${mdCell(op.summary ?? '')}${op.deprecated ? ' (deprecated)' : ''}${op.paging ? ' (paginated)' : ''} |`,
      ),
    ),
    '',
  ];
  return lines.join('\n');
}

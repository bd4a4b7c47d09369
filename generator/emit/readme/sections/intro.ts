/** README section. The title, the one-paragraph summary and the table of contents. */
import type { ApiIR } from '../../../ir/types.js';
import { firstPaged } from '../calls.js';
import { mdCell, mdText } from '../markdown.js';

export function intro(ir: ApiIR): string[] {
  const toc = [
    'Install',
    'Quick start',
    ...(ir.description ? ['About the API'] : []),
    'Authentication',
    'Regions',
    'Operations',
    ...(firstPaged(ir) ? ['Pagination'] : []),
    'Errors',
    'Retries, timeouts and deadlines',
    'Raw responses',
    'Logging and hooks',
    'Types',
    'Browsers and other runtimes',
  ];
  const anchor = (title: string): string => title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
  return [
    `# ${ir.packageName}`,
    '',
    // The config's description, unless it is only the default one (said again just below).
    ...(ir.packageDescription !== `TypeScript client for ${ir.title}` ? [mdText(ir.packageDescription), ''] : []),
    `TypeScript client for **${mdCell(ir.title)}** ${mdCell(ir.specVersion)}, generated from its OpenAPI document. Zero runtime dependencies: it runs wherever \`fetch\` does (Node.js 18+, browsers, Deno, Bun, workers), as ESM or CommonJS, with types. Every function and type carries the spec's documentation in JSDoc, so your editor shows it.`,
    '',
    toc.map((t) => `[${t}](#${anchor(t)})`).join(' · '),
    '',
  ];
}

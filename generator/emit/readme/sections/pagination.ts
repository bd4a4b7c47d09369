/** README section. How list calls page, with examples in the style of the first paginated operation. */
import type { ApiIR, PagingIR } from '../../../ir/types.js';
import { callOf, firstPaged, opening, operationsInOrder } from '../calls.js';
import { list, ts } from '../markdown.js';
import { PAGING_TEXT, pagingHow, pagingStops } from './pagination-text.js';

export function pagination(ir: ApiIR): string[] {
  const pick = firstPaged(ir);
  if (!pick) return [];
  const { resource, op } = pick;
  const paging = op.paging!;
  const text = PAGING_TEXT[paging.style];
  const names = op.names;
  const call = (extra: [string, string][] = [], options?: string): string => callOf(resource, op, extra, options).expression;
  const base = callOf(resource, op);
  const paged = operationsInOrder(ir).filter((o) => o.op.paging);
  // One clause per style the API uses: "`a()` and `b()` are cursor-paginated; `c()` is page-numbered".
  const byStyle = (Object.keys(PAGING_TEXT) as PagingIR['style'][]).flatMap((style) => {
    const ops = paged.filter((o) => o.op.paging!.style === style);
    if (ops.length === 0) return [];
    return [`${list(ops.map((o) => `\`client.${o.resource.property}.${o.op.resourceMethod}()\``))} ${ops.length === 1 ? 'is' : 'are'} ${PAGING_TEXT[style].paginated}`];
  });
  const cycles = paging.style === 'cursor' || paging.style === 'link' ? `; a ${text.noun} that leads back into the walk ends it with an \`InvalidResponseError\` instead of looping` : '';
  const firstPageLog = text.position === undefined ? '' : `page.${text.position}, `;
  const resume =
    paging.style === 'link'
      ? `To resume later (another process, after a crash), save \`page.nextUrl\` after you have handled a page, and pass it back as the \`pageUrl\` option of the same call: the walk continues from that page.`
      : `To resume later (another process, after a crash), save \`page.${text.next}\` after you have handled a page, and pass it back as \`${paging.positionParam}\` with the same other parameters: the walk continues from that page.${paging.style === 'cursor' ? ' Treat cursors as opaque strings.' : ''}`;
  const resumeCall = paging.style === 'link' ? call([], '{ pageUrl: checkpoint }') : call([[paging.positionParam!, 'checkpoint']]);
  return [
    '## Pagination',
    '',
    `${byStyle.join('; ')}${byStyle.length === 1 ? `: ${pagingHow(paging)}` : ''}. A list call returns a \`PagePromise\`: \`await\` it for the first page, \`for await\` it for every item across pages, or call \`.pages()\` to walk page by page. Walks are lazy and keep one page in memory, however long the list. A walk stops when ${list(pagingStops(paging), 'or')}${cycles}. Each page is fetched with the client's normal retries, so a failed page is retried on its own.`,
    '',
    ...ts(
      ...opening(ir, [], [...base.types, names.item!, names.response]),
      ...base.declarations,
      '',
      '// Every item across pages',
      `for await (const item of ${call()}) {`,
      `  console.log(item); // ${names.item}`,
      '}',
      '',
      '// The first page only',
      `const page = await ${call()};`,
      `const items: ${names.item}[] = page.data;`,
      `const pageBody: ${names.response} = page.body;`,
      `console.log(items.length, pageBody, ${firstPageLog}page.hasNextPage());`,
      '',
      '// Page by page',
      `for await (const p of ${call()}.pages()) {`,
      `  console.log(p.data.length, p.${text.next});`,
      '}',
    ),
    `Caps bound a walk: \`maxItems\` stops an item walk at exactly that many items, \`maxPages\` stops after that many pages (and \`.pages()\` fetches no page once the pages so far hold \`maxItems\` items).`,
    '',
    ...ts(
      ...opening(ir, [], base.types),
      ...base.declarations,
      '',
      `for await (const item of ${call([], '{ maxItems: 500 }')}) {`,
      '  console.log(item);',
      '}',
      `for await (const p of ${call([], '{ maxPages: 3 }')}.pages()) {`,
      '  console.log(p.data.length);',
      '}',
    ),
    resume,
    '',
    ...ts(
      ...opening(ir, [], base.types),
      ...base.declarations,
      '',
      `let checkpoint: ${text.type} | undefined; // persist this (file, database, queue message)`,
      `for await (const p of ${call()}.pages()) {`,
      '  console.log(p.data.length); // handle the page',
      `  checkpoint = p.${text.next};`,
      '  break; // e.g. the process stops here',
      '}',
      '',
      'if (checkpoint !== undefined) {',
      `  for await (const item of ${resumeCall}) {`,
      '    console.log(item); // continues with the page after the saved one',
      '  }',
      '}',
    ),
  ];
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatFiles } from '../../generator/format/index.js';
import { finishGeneratedMarkdown } from '../../generator/format/markdown.js';
import { PRETTIER } from '../../generator/format/rules.js';
import { generate, outputOf } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';
import { FROZEN_SPEC_DIR } from '../helpers/pinned.js';
import { scaled } from '../helpers/slowdown.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'node_modules', '@readme', 'oas-examples');

const viaPrettier = (markdown: string): Promise<string> => format(markdown, { ...PRETTIER, parser: 'markdown' });
/** The finisher with prettier in-process; syntax errors marked the way the worker marks them. */
const finish = (markdown: string): Promise<string | undefined> =>
  finishGeneratedMarkdown(markdown, (code, parser) =>
    format(code, { ...PRETTIER, parser }).catch((error: unknown) => {
      throw Object.assign(error as Error, { syntax: typeof error === 'object' && error !== null && 'loc' in error });
    }),
  );
/** What the format stage writes (finisher, or prettier when the finisher declines), without a cache. */
const staged = async (markdown: string): Promise<string> => (await formatFiles(new Map([['README.md', markdown]]), { cache: false })).get('README.md') ?? '';

/** Every README (client and MCP) the generator prints for a spec, unformatted. */
async function readmes(spec: string): Promise<Map<string, string>> {
  const result = await generate({ spec, out: join(await tempDir('md-'), 'client'), check: true, format: false });
  const found = new Map<string, string>();
  for (const [path, text] of result.files) if (path.endsWith('.md')) found.set(path, text);
  for (const [path, text] of outputOf(result, 'mcp')?.files ?? []) if (path.endsWith('.md')) found.set(`mcp/${path}`, text);
  return found;
}

const SPECS = [
  // The Not AI spec directory frozen at 1.0.17.0, not the live spec/: a release changes no input here.
  FROZEN_SPEC_DIR,
  join(ROOT, 'node_modules', '@figma', 'rest-api-spec', 'openapi', 'openapi.yaml'),
  ...['3.0', '3.1'].flatMap((v) => readdirSync(join(EXAMPLES, v, 'json')).map((f) => join(EXAMPLES, v, 'json', f))),
];

describe('generated Markdown formatting', () => {
  it('takes the fast path on the READMEs printed for the corpus, and equals prettier there', async () => {
    let compared = 0;
    for (const spec of SPECS) {
      let files: Map<string, string>;
      try {
        files = await readmes(spec);
      } catch {
        continue; // specs the generator rejects are covered by the corpus tests
      }
      for (const [path, text] of files) {
        const finished = await finish(text);
        if (spec === SPECS[0]) expect(finished, `${path}: the pinned spec's README must not need prettier's Markdown parser`).toBeDefined();
        if (finished !== undefined) {
          expect(finished, `${spec} ${path}`).toBe(await viaPrettier(text));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  }, scaled(300_000));

  it.each([
    ['alignment markers, short and long rows, escaped pipes', '| a | b | right | centre |\n| :-- | --- | --: | :-: |\n| `x \\| y` | z | 1 |\n| p | q | 12345 | mid | extra |\n| a\\\\\\|b | c | d | e |\n'],
    ['a table after <!-- prettier-ignore --> (left compact) beside one that is aligned', 'Text.\n\n<!-- prettier-ignore -->\n| method | HTTP |\n| --- | --- |\n| `client.a.list()` | `GET /a` |\n| `b()` | `GET /a/{id}/b` |\n\n| x | long header |\n| --- | --- |\n| 1 | 2 |\n'],
    ['ts, json, yaml fences; other and unparsable fences', '```ts\nconst a = {b:"c"}\n```\n\n```json\n{"a":[1,2],\n"b":{}}\n```\n\n```yaml\na:   1\n```\n\n```sh\nnpm   i  x\n```\n\n```ts\nconst = ;\n```\n'],
  ])('handles %s exactly like prettier', async (_name, text) => {
    const finished = await finish(text);
    expect(finished).toBeDefined();
    expect(finished).toBe(await viaPrettier(text));
  });

  it.each([
    ['carriage returns', '# T\r\n\r\ntext\r\n'],
    ['a ~~~ fence', '~~~ts\nconst a=1\n~~~\n'],
    ['an indented fence', '- item\n\n  ```ts\n  const a=1\n  ```\n'],
    ['a fence in a block quote', '> ```json\n> {"a":1}\n> ```\n'],
    ['a table in a block quote', '> | a | b |\n> | --- | --- |\n> | 1 | 2 |\n'],
    ['a table without leading pipes', 'a | b\n--- | ---\n1 | 2\n'],
    ['non-ASCII table cells', '| a | 名前 |\n| --- | --- |\n| สวัสดี ผู้ใช้ | ☝ Point |\n'],
    ['no final newline', '# T'],
    ['a line inside a fence that starts with backticks', '```md\n```ts\nnot a close\n```\n\ntext\n'],
  ])('leaves %s to prettier, and the format stage then equals prettier', async (_name, text) => {
    expect(await finish(text)).toBeUndefined();
    expect(await staged(text)).toBe(await viaPrettier(text));
  });

  it('lets a formatter failure through instead of leaving the code unformatted', async () => {
    const failing = finishGeneratedMarkdown('```ts\nconst a=1\n```\n', () => Promise.reject(new Error('the formatting worker exited (code 1)')));
    await expect(failing).rejects.toThrow(/worker exited/);
  });
});

describe('README text from the spec', () => {
  it('keeps indented code verbatim, normalises CRLF, and escapes a backslash before a pipe in a table cell', async () => {
    const { writeFile } = await import('node:fs/promises');
    const dir = await tempDir('md-spec-');
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Odd Text API', version: '1.0.0', description: 'Line  one.\r\nLine two.\r\n\r\n    curl -X GET  https://x   # list\r\n' },
      servers: [{ url: 'https://api.example.test' }],
      paths: { '/a': { get: { operationId: 'getA', summary: 'a\\|b  c', responses: { '200': { description: 'ok' } } } } },
    };
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
    const result = await generate({ spec: join(dir, 'openapi.json'), out: join(dir, 'client'), check: true });
    const readme = result.files.get('README.md') ?? '';
    expect(readme).not.toContain('\r');
    expect(readme).toContain('curl -X GET  https://x   # list');
    expect(readme).toContain('Line one.');
    expect(readme).toContain('a\\\\\\|b c');
    expect(readme).toBe(await viaPrettier(readme));
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatGeneratedMarkdown } from '../../generator/format/markdown.js';
import { PRETTIER } from '../../generator/format/rules.js';
import { generate } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'node_modules', '@readme', 'oas-examples');

const viaPrettier = (markdown: string): Promise<string> => format(markdown, { ...PRETTIER, parser: 'markdown' });
const ours = (markdown: string): Promise<string> =>
  formatGeneratedMarkdown(markdown, (code, parser) => format(code, { ...PRETTIER, parser }));

/** Every README (client and MCP) the generator prints for a spec, unformatted. */
async function readmes(spec: string): Promise<Map<string, string>> {
  const result = await generate({ spec, out: join(await tempDir('md-'), 'client'), check: true, format: false });
  const found = new Map<string, string>();
  for (const [path, text] of result.files) if (path.endsWith('.md')) found.set(path, text);
  for (const [path, text] of result.mcp?.files ?? []) if (path.endsWith('.md')) found.set(`mcp/${path}`, text);
  return found;
}

const SPECS = [
  join(ROOT, 'spec'),
  join(ROOT, 'node_modules', '@figma', 'rest-api-spec', 'openapi', 'openapi.yaml'),
  ...['3.0', '3.1'].flatMap((v) => readdirSync(join(EXAMPLES, v, 'json')).map((f) => join(EXAMPLES, v, 'json', f))),
];

describe('generated Markdown formatting', () => {
  it('equals prettier on the READMEs printed for the corpus', async () => {
    let compared = 0;
    for (const spec of SPECS) {
      let files: Map<string, string>;
      try {
        files = await readmes(spec);
      } catch {
        continue; // specs the generator rejects are covered by the corpus tests
      }
      for (const [path, text] of files) {
        expect(await ours(text), `${spec} ${path}`).toBe(await viaPrettier(text));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(40);
  }, 300_000);

  it('aligns tables with wide characters, alignment markers, escaped pipes and short rows like prettier', async () => {
    const text = [
      '# T',
      '',
      '| a | 名前 | right | centre |',
      '| :-- | --- | --: | :-: |',
      '| `x \\| y` | 日本語のテキスト | 1 |',
      '| é | ok | 12345 | mid |',
      '',
      'after',
      '',
    ].join('\n');
    expect(await ours(text)).toBe(await viaPrettier(text));
  });

  it('formats ts, json and yaml fences, leaves other and unparsable fences alone', async () => {
    const text = [
      '```ts',
      'const a = {b:"c"}',
      '```',
      '',
      '```json',
      '{"a":[1,2],',
      '"b":{}}',
      '```',
      '',
      '```yaml',
      'a:   1',
      '```',
      '',
      '```sh',
      'npm   i  x',
      '```',
      '',
      '```ts',
      'const = ;',
      '```',
      '',
    ].join('\n');
    const formatted = await ours(text);
    expect(formatted).toBe(await viaPrettier(text));
    expect(formatted).toContain("const a = { b: 'c' };");
    expect(formatted).toContain('npm   i  x');
  });
});

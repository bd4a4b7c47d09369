import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import nock from 'nock';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../helpers/slowdown.js';
import { main } from '../../generator/cli.js';
import { escapingIO, type CommandIO } from '../../generator/commands/io.js';
import { createProgress } from '../../generator/commands/progress.js';
import { GeneratorError } from '../../generator/errors.js';
import type { OperationIR } from '../../generator/ir/types.js';
import { toolDescription, toolTitle } from '../../generator/mcp/describe.js';
import { escapeForTerminal, escapeInvisible } from '../../generator/text/invisible.js';
import { specWith, tempDir } from '../helpers/ir.js';
import { checkProgram } from '../helpers/ts-program.js';

/**
 * Terminal escapes (ANSI CSI, OSC 8 links) and invisible characters (bidi overrides and isolates,
 * zero-width characters, BOM, line separators, C1 controls, tag characters) in a spec reach
 * neither the terminal nor any generated file raw ("Trojan Source"); ordinary non-ASCII text does.
 */

/** Every character that must never be written raw (tab and line feed are layout). */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|\u{e0001}|[\u{e0020}-\u{e007f}]/u;
/** A zero-width joiner outside an emoji sequence. */
const LONE_ZWJ = /(?<!\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;
const isRaw = (text: string): boolean => RAW.test(text) || LONE_ZWJ.test(text);

const ANSI = '\x1b[31mRED\x1b[0m\x1b[2J';
const OSC = '\x1b]8;;https://evil.test\x07click\x1b]8;;\x07';
const BIDI = '\u202eevil\u202c \u2066iso\u2069 \u200e\u200f\u061c \u202a\u202b\u202d';
const INVISIBLE = 'zw\u200bsp\u200cnj\u200dj \ufeff bom \u2028ls\u2029ps \u0085nel \u009b31m \u{e0041}\u{e0042} \u2060wj';
const ORDINARY = 'Café naïve 東京 Ünïcödé ✓ 🙂 👩‍💻 👍🏽';
const NASTY = `${ANSI} ${OSC} ${BIDI} ${INVISIBLE} ${ORDINARY}`;

describe('escaping', () => {
  it.each([
    ['an ANSI colour', '\x1b[31m', '\\x1b[31m', '\\u001b[31m'],
    ['an OSC 8 link', '\x1b]8;;u\x07', '\\x1b]8;;u\\x07', '\\u001b]8;;u\\u0007'],
    ['a bidi override', 'a\u202eb', 'a\\u202eb', 'a\\u202eb'],
    ['a C1 CSI', '\u009b2J', '\\u009b2J', '\\u009b2J'],
    ['a zero-width space and a BOM', '\u200b\ufeff', '\\u200b\\ufeff', '\\u200b\\ufeff'],
    ['a line separator', '\u2028', '\\u2028', '\\u2028'],
    ['a tag character (beyond U+FFFF)', '\u{e0041}', '\\udb40\\udc41', '\\udb40\\udc41'],
    ['a carriage return', 'a\rb', 'a\\x0db', 'a\\u000db'],
    ['a lone zero-width joiner', 'a\u200db', 'a\\u200db', 'a\\u200db'],
  ])('%s', (_, input, terminal, file) => {
    expect(escapeForTerminal(input)).toBe(terminal);
    expect(escapeInvisible(input)).toBe(file);
  });

  it('keeps tabs, line feeds, accents, CJK and emoji (joined sequences and skin tones too)', () => {
    const text = `a\tb\n${ORDINARY}`;
    expect(escapeForTerminal(text)).toBe(text);
    expect(escapeInvisible(text)).toBe(text);
  });

  it('an escaped JSON text is still JSON with the same value', () => {
    const value = { title: NASTY };
    expect(JSON.parse(escapeForTerminal(JSON.stringify(value)))).toEqual(value);
    expect(JSON.parse(escapeInvisible(JSON.stringify(value)))).toEqual(value);
  });
});

describe('the CLI prints no raw control or invisible character', () => {
  function capture(isTTY = false): CommandIO & { out: () => string } {
    let out = '';
    return { isTTY, stdout: (t) => void (out += t), stderr: (t) => void (out += t), out: () => out };
  }

  it('a successful run names the title; a failing one quotes the spec in its message', async () => {
    const dir = await tempDir('control-cli-');
    const ok = join(dir, 'ok.json');
    await writeFile(ok, JSON.stringify(specWith({ '/a': { get: { operationId: 'a', responses: { '204': { description: 'none' } } } } }, { info: { title: NASTY, version: '1.0.0' }, servers: [] })));
    const io = capture();
    expect(await main(['generate', '--spec', ok, '--out', join(dir, 'out'), '--verbose'], io)).toBe(0);
    expect(io.out()).toContain('Wrote ');
    expect(io.out()).toContain('\\x1b[31mRED');
    expect(io.out()).toContain('\\u202eevil');
    expect(io.out()).toContain('warning: ');
    expect(io.out()).toContain(ORDINARY);
    expect(isRaw(io.out())).toBe(false);

    const bad = join(dir, 'bad.json');
    const twice = { operationId: `dup${ANSI}${BIDI}`, responses: { '204': { description: 'none' } } };
    await writeFile(bad, JSON.stringify(specWith({ '/a': { get: twice }, [`/b${INVISIBLE}`]: { get: twice } })));
    const err = capture();
    expect(await main(['generate', '--spec', bad, '--out', join(dir, 'bad-out')], err)).toBe(2);
    expect(err.out()).toMatch(/^notai-codegen: Duplicate operationId "dup\\x1b\[31mRED/);
    expect(isRaw(err.out())).toBe(false);
  }, 120_000);

  it('GeneratorError.describe() (scripts print it directly) escapes the message and the file', () => {
    const error = new GeneratorError(`Bad ${ANSI}`, '#/paths/~1\u202e', `/tmp/${BIDI}.json`);
    expect(isRaw(error.describe())).toBe(false);
    expect(error.describe()).toContain('\\x1b[31m');
  });

  it("the live progress line keeps its own clear-line sequence and nothing else gets through raw", () => {
    const io = capture(true);
    const progress = createProgress(escapingIO(io), { verbose: false, tty: true });
    progress.stage(`load${ANSI}`, 1100);
    progress.end();
    expect(io.out()).toBe('\r\x1b[K  ✓ load\\x1b[31mRED\\x1b[0m\\x1b[2J (1.1 s)\r\x1b[K');
  });
});

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

describe('generated files hold no raw control or invisible character', () => {
  const BASE = 'https://api.hostile.test';
  let dir: string;
  let files: Map<string, string>;
  let mcpReadme: string;

  beforeAll(async () => {
    dir = await tempDir('control-gen-');
    const spec = specWith(
      {
        [`/items/{id}/x\u200by\u202e`]: {
          get: {
            operationId: 'getItem',
            tags: [`it${BIDI}`],
            summary: `Summary ${NASTY}`,
            description: `Description ${NASTY}\nsecond line ${BIDI}`,
            parameters: [
              { name: 'id', in: 'path', required: true, description: `the id ${NASTY}`, schema: { type: 'string' } },
              { name: `q\u202eq`, in: 'query', required: true, description: `query ${NASTY}`, schema: { type: 'string' } },
              { name: `x-h\u200bdr`, in: 'header', description: `header ${NASTY}`, schema: { type: 'string' } },
            ],
            responses: { '200': { description: `ok ${NASTY}`, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } },
          },
        },
      },
      {
        info: { title: `Hostile ${NASTY}`, version: '1.0.0', description: `About ${NASTY}` },
        servers: [{ url: BASE, description: `server ${NASTY}` }],
        components: {
          schemas: { Item: { type: 'object', description: `An item ${NASTY}`, properties: { [`na\u202eme`]: { type: 'string', description: `prop ${NASTY}` } } } },
          securitySchemes: { key: { type: 'http', scheme: 'bearer', description: `Send ${NASTY}` } },
        },
        security: [{ key: [] }],
      },
    );
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
    await writeFile(join(dir, 'codegen.config.yaml'), 'client:\n  className: Hostile\nmcp:\n  out: mcp\n  packageName: hostile-mcp\n');
    const io: CommandIO = { stdout: () => {}, stderr: () => {} };
    // Formatted, as `notai-codegen generate` writes it.
    expect(await main(['generate', '--spec', join(dir, 'openapi.json'), '--out', join(dir, 'client'), '--config', join(dir, 'codegen.config.yaml')], io)).toBe(0);
    files = await filesUnder(join(dir, 'client'));
    mcpReadme = await readFile(join(dir, 'mcp', 'README.md'), 'utf8');
  }, scaled(180_000));

  afterAll(() => nock.enableNetConnect());

  it('in any file: comments, READMEs, JSON and string literals', () => {
    expect(files.size).toBeGreaterThan(10);
    expect([...files].filter(([, text]) => isRaw(text)).map(([path]) => path)).toEqual([]);
    const readme = files.get('README.md')!;
    expect(readme).toContain('\\u202eevil');
    expect(readme).toContain(ORDINARY);
    expect(files.get('src/resources/items.ts')).toContain('Summary \\u001b[31mRED');
    expect(files.get('package.json')).toContain('Hostile \\u001b[31mRED');
  });

  it('the package type-checks, and its literals mean the same strings (the request goes to the real path)', async () => {
    const config = ts.readConfigFile(join(dir, 'client', 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(dir, 'client'));
    const program = checkProgram(parsed.fileNames, parsed.options);
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);

    await build({ entryPoints: [join(dir, 'client', 'src', 'index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'dist', 'index.mjs'), logLevel: 'silent' });
    const api = (await import(pathToFileURL(join(dir, 'dist', 'index.mjs')).href)) as { Hostile: new (o: object) => object; getItem(client: object, id: string, params: object): Promise<unknown> };
    nock.disableNetConnect();
    let seen = '';
    nock(BASE)
      .get(/.*/)
      .reply(200, function reply(uri) {
        seen = `${uri} ${String(this.req.headers['x-h\u200bdr'] ?? '-')}`;
        return { ok: true };
      });
    const client = new api.Hostile({ apiKey: 'k_0123456789abcdef' });
    await expect(api.getItem(client, '1', { ['q\u202eq']: 'v' })).resolves.toEqual({ ok: true });
    expect(seen).toBe(`/items/1/x${encodeURIComponent('\u200by\u202e')}?${encodeURIComponent('q\u202eq')}=v -`);
  }, 120_000);

  it('MCP: the README, tool titles and descriptions an agent reads show those characters as escapes', () => {
    expect(isRaw(mcpReadme)).toBe(false);
    expect(mcpReadme).toContain('\\u202eevil');
    const op = { summary: `Sum ${NASTY}`, description: `Desc ${NASTY}`, method: 'get', path: '/x\u202e', deprecated: false } as unknown as OperationIR;
    const mcp = { resultBudget: 1000 } as Parameters<typeof toolDescription>[1];
    expect(isRaw(toolTitle(op, 'get_x'))).toBe(false);
    expect(isRaw(toolDescription(op, mcp, undefined))).toBe(false);
    expect(toolDescription({ ...op, description: undefined, summary: undefined }, mcp, undefined)).toBe('GET /x\\u202e');
    expect(toolTitle(op, 'get_x')).toContain(ORDINARY);
  });
});

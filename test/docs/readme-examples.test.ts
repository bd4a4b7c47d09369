import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile, resolveConfig, type CodegenConfig } from '../../generator/config.js';
import type { ApiIR } from '../../generator/ir/types.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { pinnedGeneration } from '../helpers/shared-generation.js';
import { tempDir } from '../helpers/ir.js';
import { pinnedSpec } from '../helpers/pinned.js';
import { scaled } from '../helpers/slowdown.js';
import { GENERATED, ROOT, compileRepoSnippets, compileSnippets, packageName, tsBlocks } from './code-blocks.js';

/**
 * The READMEs are tested like code: every ```ts block compiles, strictly, against the generated
 * package, and everything API-specific in generated/README.md comes from the IR and the config.
 */
const NOTAI = { name: packageName(GENERATED), dir: GENERATED };
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

let fresh: GenerateResult;
let config: CodegenConfig;
beforeAll(async () => {
  fresh = await pinnedGeneration();
  config = resolveConfig(await readConfigFile(join(ROOT, 'spec', 'codegen.config.yaml')), { title: fresh.ir.title });
}, scaled(60_000));

describe('code examples compile (strict, against generated/src)', () => {
  // One program for the blocks of all four files (same package, same options): compiling the
  // generated package once instead of once per test (issue #20). Each test takes its own lines.
  const DOCS = ['README.md', 'docs/config.md', 'examples/README.md'];
  // Three calls that must not compile, in the same program: the harness is not vacuous.
  const WRONG = [
    "import { NotAi } from 'notai-client';\nconst client = new NotAi();\nawait client.sessions.get(42);\n",
    "import { NotAi } from 'notai-client';\nnew NotAi({ region: 'mars' });\n",
    "import { NotAi } from 'notai-client';\nconst client = new NotAi();\nawait client.sessions.nope();\n",
  ].map((code, i) => ({ origin: `wrong-${i}`, code }));
  let together: string[] | undefined;
  const compiledTogether = (): string[] =>
    (together ??= compileSnippets([...tsBlocks(read('generated/README.md'), 'generated/README.md'), ...DOCS.flatMap((f) => tsBlocks(read(f), f)), ...WRONG], NOTAI));
  const fromDocs = (line: string): boolean => DOCS.some((f) => line.startsWith(`${f}:`));
  const fromWrong = (line: string): boolean => line.startsWith('wrong-');

  it('generated/README.md: every ts block, 0 errors', () => {
    const blocks = tsBlocks(read('generated/README.md'), 'generated/README.md');
    // Quick start, auth, regions, one per resource, pagination (3), errors, retries, responses, logging.
    expect(blocks.length).toBeGreaterThanOrEqual(fresh.ir.resources.length + 9);
    // Its own blocks' errors, and any in the package itself.
    expect(compiledTogether().filter((line) => !fromDocs(line) && !fromWrong(line))).toEqual([]);
  });

  it('the root README, docs/ and examples/README.md: every ts block, 0 errors', () => {
    const blocks = DOCS.flatMap((f) => tsBlocks(read(f), f));
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    expect(compiledTogether().filter(fromDocs)).toEqual([]);
  });

  it('CONTRIBUTING.md: every ts block compiles as a test file of this repository', () => {
    const blocks = tsBlocks(read('CONTRIBUTING.md'), 'CONTRIBUTING.md');
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(compileRepoSnippets(blocks)).toEqual([]);
  });

  it('also under exactOptionalPropertyTypes, the strictest setting a consumer may use', () => {
    const blocks = [...tsBlocks(read('generated/README.md'), 'generated/README.md'), ...tsBlocks(read('README.md'), 'README.md')];
    // Only the snippets are held to it: consumers compile against the .d.ts, not the sources.
    expect(compileSnippets(blocks, NOTAI, { exactOptionalPropertyTypes: true }, { snippetsOnly: true })).toEqual([]);
  });

  it('would catch a wrong example (the harness is not vacuous)', () => {
    const errors = compiledTogether().filter(fromWrong);
    expect(errors.map((e) => e.split(' ')[0])).toEqual(['wrong-0', 'wrong-1', 'wrong-2']);
  });

  it('extracts ts/typescript fences only, with their line numbers', () => {
    const md = ['# x', '```ts', 'a();', '```', '```sh', 'npm i', '```', '~~~typescript', 'b();', '~~~', '1. step', '   ```ts', '   c(', '     1);', '   ```', ''].join('\n');
    expect(tsBlocks(md, 'x.md')).toEqual([
      { origin: 'x.md:3', code: 'a();\n' },
      { origin: 'x.md:9', code: 'b();\n' },
      { origin: 'x.md:13', code: 'c(\n  1);\n' },
    ]);
  });
});

describe('generated/README.md is generated from the IR and the config', () => {
  const readme = (): string => read('generated/README.md');
  const code = (): string => tsBlocks(readme(), 'README').map((b) => b.code).join('\n');
  const ir = (): ApiIR => fresh.ir;

  it('is the README a fresh generation produces', () => {
    expect(readme()).toBe(fresh.files.get('README.md'));
  });

  it('has the sections people look for first', () => {
    const headings = [...readme().matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    for (const h of ['Install', 'Quick start', 'Authentication', 'Regions', 'Operations', 'Pagination', 'Errors', 'Retries, timeouts and deadlines', 'Raw responses', 'Logging and hooks', 'Types']) {
      expect(headings).toContain(h);
    }
    expect(readme()).toContain(`npm install ${ir().packageName}`);
  });

  it('shows a typed call of every operation in a compiled block', () => {
    for (const resource of ir().resources) {
      for (const op of resource.operations) expect(code()).toContain(`client.${resource.property}.${op.resourceMethod}(`);
    }
  });

  it('names the key variables, both header forms, every region, the tier header and the log variable', () => {
    const text = readme();
    for (const name of config.apiKey.envVars) expect(text).toContain(`\`${name}\``);
    for (const [form, h] of Object.entries(config.auth.headers)) {
      expect(text).toContain(`'${form}'`);
      expect(text).toContain('header' in h ? `${h.header}: ${h.prefix}<key>` : `?${h.query}=<key>`);
    }
    expect(text).toMatch(new RegExp(`\\| \`'${config.auth.default}'\`\\s*\\|[^\\n]*\\| default`));
    for (const server of ir().servers) expect(text).toMatch(new RegExp(`\`'${server.name}'\`\\s*\\| \`${server.url.replace(/[.]/g, '\\.')}\``));
    for (const field of Object.values(config.responseHeaders.fields)) expect(text).toContain(`\`${field.header}\``);
    expect(text).toContain(`\`${config.logEnvVar!}\``);
    expect(text).toContain(config.apiKey.formatHint!);
  });

  it('explains why the default header form is preferred, in the spec\'s words', () => {
    const scheme = Object.values((pinnedSpec() as { components: { securitySchemes: Record<string, { description: string }> } }).components.securitySchemes)[0]!;
    expect(readme()).toContain(scheme.description.slice(-80));
  });

  it('lists every known error code with its class, and the error classes', () => {
    for (const { code } of ir().knownErrorCodes) expect(readme()).toMatch(new RegExp(`\\| \`${code}\`\\s*\\| \\d{3}\\s*\\| \`\\w+Error\``));
    for (const cls of [ir().errorClassName, 'APIError', 'RateLimitError', 'APIConnectionError', 'APITimeoutError', 'APIUserAbortError', 'InvalidResponseError']) {
      expect(readme()).toContain(`| \`${cls}\``);
    }
  });

  it('states the runtime defaults the runtime actually has', async () => {
    const { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } = await import('../../templates/runtime/config.js');
    const { MAX_RETRY_DELAY_MS } = await import('../../templates/runtime/retry.js');
    expect(readme()).toContain(`retried ${DEFAULT_MAX_RETRIES} times by default`);
    expect(readme()).toContain(`(default ${DEFAULT_TIMEOUT_MS})`);
    expect(readme()).toContain(`at most ${MAX_RETRY_DELAY_MS / 1000} s`);
  });
});

/**
 * The same generator serves other APIs: a README for a foreign spec with an empty config has no
 * Not AI text, and its examples compile against that client (required parameters of every kind,
 * a request body, a header parameter, a deprecated operation, a paginated call with a required
 * parameter, spec text with HTML in it).
 */
describe('the README generator is API-agnostic', () => {
  const page = (item: unknown) => ({
    type: 'object',
    properties: { data: { type: 'array', items: item }, pagination: { type: 'object', properties: { nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } } } },
  });
  const ok = (schema: unknown) => ({ description: 'ok', content: { 'application/json': { schema } } });
  const widget = { $ref: '#/components/schemas/Widget' };
  const spec = {
    openapi: '3.1.0',
    info: { title: 'Widget Works API', version: '4.2.0', description: 'Widgets, <b>bold</b> ones too. Use `a<b` carefully.' },
    servers: [{ url: 'https://api.widgets.example', description: 'Production' }, { url: 'https://sandbox.widgets.example', description: 'Sandbox' }],
    security: [{ key: [] }],
    components: {
      securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-widget-key', description: 'Send the key in `x-widget-key`.' } },
      schemas: { Widget: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, size: { type: 'integer' } } } },
    },
    paths: {
      '/widgets': {
        get: {
          operationId: 'listWidgets',
          summary: 'List widgets',
          parameters: [
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'color', in: 'query', required: true, schema: { type: 'string', enum: ['red', 'blue'] } },
            { name: 'since', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
            { name: 'min-size', in: 'query', required: true, schema: { type: 'integer', minimum: 3 } },
            { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } },
            // A sloppy spec: the default is a string, the type an integer (BeezUP's does this).
            { name: 'zone', in: 'query', required: true, schema: { type: 'integer', default: '7' } },
          ],
          responses: { '200': ok(page(widget)) },
        },
        post: {
          operationId: 'createWidget',
          summary: 'Create a widget',
          requestBody: { required: true, content: { 'application/json': { schema: widget } } },
          responses: { '201': ok(widget), '409': { description: 'Duplicate' } },
        },
      },
      '/widgets/{widgetId}': {
        get: { operationId: 'getWidget', summary: 'Get a widget', parameters: [{ name: 'widgetId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': ok(widget), '404': { description: 'No such widget' } } },
        delete: { operationId: 'deleteWidget', summary: 'Delete a widget (old)', deprecated: true, parameters: [{ name: 'widgetId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '204': { description: 'Deleted' } } },
      },
      '/widgets/search': {
        get: {
          operationId: 'searchWidgets',
          summary: 'Search widgets',
          parameters: [
            { name: 'tags', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } } },
            { name: 'exact', in: 'query', required: true, schema: { type: 'boolean' } },
          ],
          responses: { '200': ok({ type: 'array', items: widget }) },
        },
      },
      '/status': { get: { operationId: 'status', summary: 'Status', security: [], responses: { '200': ok({ type: 'object' }) } } },
    },
  };

  let out: string;
  let result: GenerateResult;
  beforeAll(async () => {
    const dir = await tempDir('readme-foreign-');
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(spec));
    out = join(dir, 'client');
    result = await generate({ spec: file, out });
  }, scaled(60_000));

  it('has no Not AI text and names what this spec and the defaults say', async () => {
    const text = await readFile(join(out, 'README.md'), 'utf8');
    // Only the header names the generator (notai-codegen); nothing else may name Not AI.
    expect(text.split('\n').slice(1).join('\n')).not.toMatch(/not ?ai|isnotai|aik_v1/i);
    expect(text).toContain('npm install widget-works-client');
    expect(text).toContain('`WIDGET_WORKS_API_KEY`');
    expect(text).toContain('https://sandbox.widgets.example');
    expect(text).toContain('Send the key in `x-widget-key`.');
    expect(text).toContain('&lt;b>bold&lt;/b>');
    expect(text).toContain('`a<b`');
    expect(text).toMatch(/client\.widgets\.delete\(\)`[^\n]*\*\*deprecated\*\*/);
    expect(text).toContain('`client.status.get()` sends no credentials');
  });

  it('its examples compile against that client', async () => {
    const text = await readFile(join(out, 'README.md'), 'utf8');
    const blocks = tsBlocks(text, 'foreign README');
    expect(blocks.length).toBeGreaterThan(8);
    expect(compileSnippets(blocks, { name: result.ir.packageName, dir: out })).toEqual([]);
    // Required parameters are spelled out where their type allows, declared where it does not.
    const all = blocks.map((b) => b.code).join('\n');
    expect(all).toMatch(/color: 'red', since: '2026-01-01T00:00:00Z', 'min-size': 3, 'X-Tenant': 'X_TENANT', zone: 1/);
    expect(all).toContain('declare const body: CreateWidgetBody;');
    expect(all).toContain('declare const params: SearchWidgetsParams;');
    expect(all).toContain('client.widgets.get(1)');
    expect(all).not.toContain("zone: '7'");
  });
});

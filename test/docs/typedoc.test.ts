import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Application, Logger, LogLevel, PackageJsonReader, TSConfigReader, TypeDocReader } from 'typedoc';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';
import { GENERATED, ROOT } from './code-blocks.js';

/**
 * `npm run docs` (TypeDoc over generated/src, docs/typedoc.config.mjs) builds without errors,
 * resolves every {@link}, and renders the spec's documentation for every operation.
 *
 * Known gaps are listed below and ratcheted: a NEW undocumented or unexported public type fails
 * this test; fixing a listed one only makes its entry obsolete (remove it then).
 */
const KNOWN_NOT_EXPORTED = new Set(['ClientHooks', 'WithResponse', 'RequestSpec', 'PagingSpec', 'ApiSettings', 'APIErrorInit', 'ResponseSettings', 'PageSource', 'PageCaps']);
const KNOWN_UNDOCUMENTED = new Set([
  // openapi-typescript's raw types
  'paths',
  'components',
  'operations',
  // runtime templates
  'ClientOptions',
  'RequestOptions',
  'PageRequestOptions',
  'LogLevel',
  'Logger.error',
  'Logger.warn',
  'Logger.info',
  'Logger.debug',
  ...['APIError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError', 'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'APIConnectionError', 'APITimeoutError', 'InvalidResponseError'].map((c) => `${c}.toJSON`),
]);

interface Message {
  level: LogLevel;
  text: string;
}

class CapturingLogger extends Logger {
  readonly messages: Message[] = [];
  override log(message: string, level: LogLevel): void {
    this.messages.push({ level, text: message });
  }
}

let out: string;
let logger: CapturingLogger;
let fresh: GenerateResult;

beforeAll(async () => {
  fresh = await generate({ spec: join(ROOT, 'spec'), out: GENERATED, check: true });
  out = await tempDir('typedoc-');
  const app = await Application.bootstrapWithPlugins({ options: join(ROOT, 'docs', 'typedoc.config.mjs'), out }, [
    new TypeDocReader(),
    new PackageJsonReader(),
    new TSConfigReader(),
  ]);
  logger = new CapturingLogger();
  app.logger = logger;
  const project = await app.convert();
  if (!project) throw new Error(`TypeDoc conversion failed:\n${logger.messages.map((m) => m.text).join('\n')}`);
  app.validate(project);
  await app.generateDocs(project, out);
}, 120_000);

const warnings = (): string[] => logger.messages.filter((m) => m.level === LogLevel.Warn).map((m) => m.text);
/** Visible text of a page: tags stripped, common entities decoded, whitespace collapsed. */
const pageText = async (path: string): Promise<string> =>
  (await readFile(join(out, path), 'utf8'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('TypeDoc site of the generated client', () => {
  it('builds with no errors and no broken {@link}', () => {
    expect(logger.messages.filter((m) => m.level === LogLevel.Error).map((m) => m.text)).toEqual([]);
    expect(warnings().filter((w) => /resolve link|failed to resolve/i.test(w))).toEqual([]);
  });

  it('is named after the generated package and opens with its README', async () => {
    const index = await pageText('index.html');
    expect(index).toContain(`${fresh.ir.packageName} - v${fresh.ir.packageVersion}`);
    expect(index).toContain(`npm install ${fresh.ir.packageName}`);
  });

  it('renders every operation with its summary, description, parameters and thrown errors', async () => {
    for (const op of fresh.ir.operations) {
      const text = await pageText(`functions/${op.functionName}.html`);
      if (op.summary) expect(text, op.functionName).toContain(op.summary);
      for (const p of op.pathParams) expect(text, op.functionName).toContain(p.identifier);
      expect(text, op.functionName).toContain(`${op.method.toUpperCase()} ${op.path}`);
      if (op.errors.length > 0) expect(text, op.functionName).toMatch(/Throws/);
    }
    for (const resource of fresh.ir.resources) {
      const text = await pageText(`classes/${resource.className}.html`);
      for (const op of resource.operations) expect(text).toContain(op.resourceMethod);
    }
    expect(await pageText(`classes/${fresh.ir.clientClassName}.html`)).toContain(fresh.ir.title);
  });

  it('has no undocumented or unexported public declaration beyond the known gaps', () => {
    const notExported = warnings().flatMap((w) => /^(\S+), defined in .* is referenced by .* but not included in the documentation/.exec(w)?.[1] ?? []);
    const undocumented = warnings().flatMap((w) => /^(\S+) \((\w+)\), defined in .* does not have any documentation/.exec(w)?.[1] ?? []);
    // Every such warning was understood (so the ratchet below cannot pass by not parsing them).
    expect(notExported).toHaveLength(warnings().filter((w) => /but not included in the documentation/.test(w)).length);
    expect(undocumented).toHaveLength(warnings().filter((w) => /does not have any documentation/.test(w)).length);
    expect(notExported.filter((n) => !KNOWN_NOT_EXPORTED.has(n))).toEqual([]);
    expect(undocumented.filter((n) => !KNOWN_UNDOCUMENTED.has(n))).toEqual([]);
  });

  it('warns about nothing else', () => {
    const known = [/is referenced by .* but not included in the documentation/, /does not have any documentation/, /has an @param with name "params\.[^"]+", which was not used/];
    expect(warnings().filter((w) => !known.some((k) => k.test(w)) && !/^Found \d+ errors and \d+ warnings$/.test(w))).toEqual([]);
  });
});

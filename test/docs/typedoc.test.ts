import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Application, Logger, LogLevel, PackageJsonReader, TSConfigReader, TypeDocReader } from 'typedoc';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../generator/pipeline.js';
import { describeSchema } from '../../generator/emit/operation-docs.js';
import { pinnedGeneration } from '../helpers/shared-generation.js';
import { tempDir } from '../helpers/ir.js';
import { scaled } from '../helpers/slowdown.js';
import { ROOT } from './code-blocks.js';

/**
 * `npm run docs` (TypeDoc over generated/src, docs/typedoc.config.mjs) builds without errors or
 * warnings: every {@link} resolves, every public declaration is documented and every type a
 * public signature names is exported, and the spec's documentation of every operation renders.
 */
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
  fresh = await pinnedGeneration();
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
}, scaled(120_000));

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    // The method carries the whole text; the standalone function its summary, route and a link
    // to the method.
    for (const resource of fresh.ir.resources) {
      const text = await pageText(`classes/${resource.className}.html`);
      for (const op of resource.operations) {
        expect(text).toContain(op.resourceMethod);
        if (op.summary) expect(text, op.resourceMethod).toContain(op.summary);
        for (const p of op.pathParams) expect(text, op.resourceMethod).toContain(p.identifier);
        expect(text, op.resourceMethod).toContain(`${op.method.toUpperCase()} ${op.path}`);
        if (op.errors.length > 0) expect(text, op.resourceMethod).toMatch(/Throws/);
        const fn = await pageText(`functions/${op.functionName}.html`);
        if (op.summary) expect(fn, op.functionName).toContain(op.summary);
        expect(fn, op.functionName).toContain(`${op.method.toUpperCase()} ${op.path}`);
        expect(fn, op.functionName).toContain(`client.${resource.property}.${op.resourceMethod}()`);
      }
    }
    expect(await pageText(`classes/${fresh.ir.clientClassName}.html`)).toContain(fresh.ir.title);
  });

  it('warns about nothing: no undocumented or unexported public declaration, no unused @param', () => {
    expect(warnings().filter((w) => !/^Found 0 errors and 0 warnings$/.test(w))).toEqual([]);
  });

  it('renders the query parameters of an operation, each with its description', async () => {
    const op = fresh.ir.operations.find((o) => o.namedParams.some((p) => p.description));
    expect(op).toBeDefined();
    const resource = fresh.ir.resources.find((r) => r.operations.includes(op!));
    const text = await pageText(`classes/${resource!.className}.html`);
    // The list item under `params`: the name, then (after the description) the schema facts.
    for (const p of op!.namedParams) expect(text).toMatch(new RegExp(`query parameters: .*${p.name} : .*\\(${escape(describeSchema(p))}\\)`));
  });
});

import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import ts from 'typescript';
import { checkProgram } from '../helpers/ts-program.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/ir.js';
import { scaled } from '../helpers/slowdown.js';
import { packedPackages } from '../release/packed.js';

const run = promisify(execFile);
const GENERATED = join(import.meta.dirname, '..', '..', 'generated');
const KEY = `aik_v1_${'Zz09-_'.repeat(6)}abcd`;

/**
 * Builds the generated package the way a user would get it (ESM + CJS + .d.ts via its own
 * build script), installs its packed tarball into a scratch node_modules, and loads it by name with both
 * `import` and `require` against a real server on 127.0.0.1.
 */
describe('generated package: build and load by name', () => {
  let app: string;
  let server: Server;
  let baseUrl: string;
  const seen: string[] = [];

  beforeAll(async () => {
    app = await tempDir('pkg-');
    const pkgDir = join(app, 'node_modules', 'notai-client');
    await mkdir(pkgDir, { recursive: true });
    // The package's own build (`npm run build`, its build.mjs), packed as published: one build and
    // pack per test run, shared with the packages test.
    const { generated: tarball } = await packedPackages();
    await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.writeHead(200, { 'content-type': 'application/json', 'x-isnotai-tier': 'pro' });
      res.end(JSON.stringify({ data: { id: 'from-server' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, scaled(120_000));

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  const script = (load: string) => `
    ${load}
    const client = new NotAi({ apiKey: process.env.KEY, baseUrl: process.env.BASE });
    client.integration.get().withResponse().then(({ data, tier }) => {
      console.log(JSON.stringify({ id: data.data.id, tier, isError: new NotFoundError({ status: 404 }) instanceof NotAiError }));
    });`;

  it.each([
    ['require', ['-e', script("const { NotAi, NotFoundError, NotAiError } = require('notai-client');")]],
    ['import', ['--input-type=module', '-e', script("import { NotAi, NotFoundError, NotAiError } from 'notai-client';")]],
  ])('loads with %s and calls the API', async (_how, args) => {
    const { stdout } = await run(process.execPath, args, { cwd: app, env: { ...process.env, KEY, BASE: baseUrl } });
    expect(JSON.parse(stdout)).toEqual({ id: 'from-server', tier: 'pro', isError: true });
    expect(seen.at(-1)).toBe(`GET /v1/integration Bearer ${KEY}`);
  });

  it('ships types for both module systems and no runtime dependencies', async () => {
    const pkg = JSON.parse(await readFile(join(app, 'node_modules', 'notai-client', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.exports).toEqual({
      '.': {
        import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' },
        require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' },
      },
      './package.json': './package.json',
    });
    for (const file of ['dist/esm/index.d.ts', 'dist/cjs/index.d.ts', 'dist/cjs/package.json']) {
      await expect(readFile(join(app, 'node_modules', 'notai-client', file), 'utf8')).resolves.toBeTruthy();
    }
  });

  // esbuild hides warnings for files under node_modules, so this bundles the sources, as a
  // monorepo that vendors the package (or the bench) does.
  it('bundles from source without warnings (the error-code augmentation is a type-only edge)', async () => {
    const result = await build({
      stdin: { contents: `export * from ${JSON.stringify(join(GENERATED, 'src', 'index.ts'))};`, resolveDir: app, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      logLevel: 'silent',
    });
    expect(result.warnings.map((w) => w.text)).toEqual([]);
    expect(result.outputFiles[0]?.text).toContain('class');
  });

  it("the built .d.ts carries the spec's error codes to a consumer", async () => {
    const file = join(app, 'codes.ts');
    await writeFile(
      file,
      [
        "import type { KnownErrorCodes } from 'notai-client';",
        "export const known: keyof KnownErrorCodes = 'INVALID_API_KEY';",
        "export const unknown: keyof KnownErrorCodes = 'NOT_A_CODE';",
      ].join('\n'),
    );
    const program = checkProgram([file], {
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    const messages = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.start === undefined ? '' : d.file?.getLineAndCharacterOfPosition(d.start).line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    // Line 1 type-checks only if the augmentation was loaded; line 2 proves the check can fail.
    expect(messages).toEqual([`2: Type '"NOT_A_CODE"' is not assignable to type 'keyof KnownErrorCodes'.`]);
  });
});

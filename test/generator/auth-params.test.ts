import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import ts from 'typescript';
import { specWith, tempDir } from '../helpers/ir.js';
import { checkProgram } from '../helpers/ts-program.js';

/** Every file of the package (its tsconfig includes src/), uses.ts too, under its strict settings. */
function diagnostics(dir: string): string[] {
  const config = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const program = checkProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/**
 * A spec that declares the key as an ordinary parameter beside its security scheme (Trello's
 * required `key` and `token` query parameters, Open Banking's `Authorization` header): the client
 * sends it, so the caller must not be asked for it, in the function's signature or its types.
 */
describe('key parameters the client sends itself', () => {
  let out: string;
  beforeAll(async () => {
    const dir = await tempDir('auth-params-');
    const file = join(dir, 'openapi.json');
    const spec = specWith(
      {
        '/search': {
          get: {
            operationId: 'search',
            tags: ['search'],
            parameters: [
              { name: 'key', in: 'query', required: true, schema: { type: 'string' } },
              { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
            ],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
          },
        },
        '/accounts': {
          get: {
            operationId: 'listAccounts',
            tags: ['accounts'],
            parameters: [
              { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' } },
              { name: 'x-fapi-id', in: 'header', schema: { type: 'string' } },
            ],
            security: [{ bearer: [] }],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
          },
        },
      },
      { security: [{ key: [] }], components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'key' }, bearer: { type: 'http', scheme: 'bearer' } } } },
    );
    await writeFile(file, JSON.stringify(spec));
    out = join(dir, 'client');
    await generate({ spec: file, out });
  }, 60_000);

  it('leaves them out of the parameter types, so a call without them type-checks', async () => {
    const search = await readFile(join(out, 'src', 'resources', 'search.ts'), 'utf8');
    // Declared through the module's mapped-type helper so hover keeps the name (emit/operation.ts `named`).
    expect(search).toMatch(/export type SearchParams = Named\$<\s*WithOptionalUndefined<\s*Omit<NonNullable<paths\['\/search'\]\['get'\]\['parameters'\]\['query'\]>, 'key'>\s*>/);
    const accounts = await readFile(join(out, 'src', 'resources', 'accounts.ts'), 'utf8');
    expect(accounts).toContain("'Authorization'>");
    await writeFile(
      join(out, 'src', 'uses.ts'),
      [
        "import { Test } from './index.js';",
        "const client = new Test({ apiKey: 'k' });",
        "void client.search.get({ q: 'cats' });",
        'void client.accounts.list();',
        "// @ts-expect-error the key is the client's to send",
        "void client.search.get({ q: 'cats', key: 'k2' });",
        '',
      ].join('\n'),
    );
    expect(diagnostics(out)).toEqual([]);
  });
});

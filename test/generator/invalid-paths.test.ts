import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { GeneratorError, pointerOf } from '../../generator/errors.js';
import { loadSpec } from '../../generator/load/index.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * A path key with a query string in it (`/uploads?convert={convert}`, as ClickSend's spec has
 * twenty of) declares a template its operations never declare as a path parameter. Every such
 * path is reported in one error; --skip-invalid generates the rest with a warning per operation.
 */

const ok = { description: 'ok' };
const queryParam = (name: string) => ({ name, in: 'query', required: true, schema: { type: 'string' } });
const spec = specWith({
  '/uploads?convert={convert}': { post: { operationId: 'upload', parameters: [queryParam('convert')], responses: { '200': ok } } },
  '/sms/send': { post: { operationId: 'sendSms', responses: { '200': ok } } },
  '/lists/{id}?fields={fields}': {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    get: { operationId: 'getList', parameters: [queryParam('fields')], responses: { '200': ok } },
    put: { operationId: 'putList', parameters: [queryParam('fields')], responses: { '200': ok } },
  },
  '/account': { get: { operationId: 'getAccount', responses: { '200': ok } } },
});
const INVALID = [pointerOf('paths', '/uploads?convert={convert}', 'post', 'parameters'), pointerOf('paths', '/lists/{id}?fields={fields}', 'get', 'parameters'), pointerOf('paths', '/lists/{id}?fields={fields}', 'put', 'parameters')];

async function specFile(): Promise<string> {
  const file = join(await tempDir('paths-'), 'openapi.json');
  await writeFile(file, JSON.stringify(spec));
  return file;
}

describe('invalid paths', () => {
  it('are all reported in one GeneratorError, each with its pointer', async () => {
    const error = await loadSpec(await specFile()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    const { pointer, message } = error as GeneratorError;
    expect(pointer).toBe(INVALID[0]);
    expect(message).toMatch(/^Invalid spec: 2 paths are invalid/);
    for (const invalid of INVALID) expect(message).toContain(`  ${invalid}: The operation does not define the path parameter`);
    expect(message).toContain('--skip-invalid');
  });

  it('are left out with skipInvalid, with a warning per skipped operation', async () => {
    const loaded = await loadSpec(await specFile(), { skipInvalid: true });
    expect(Object.keys(loaded.document.paths as object)).toEqual(['/sms/send', '/account']);
    const skipped = loaded.warnings.filter((w) => w.startsWith('Skipped'));
    expect(skipped).toHaveLength(3);
    expect(skipped[0]).toContain(`Skipped POST /uploads?convert={convert} (${pointerOf('paths', '/uploads?convert={convert}', 'post')})`);
    expect(skipped[1]).toContain('Skipped GET /lists/{id}?fields={fields}');
    expect(skipped[2]).toContain('Skipped PUT /lists/{id}?fields={fields}');
  });

  it('an error outside the paths still refuses the spec, --skip-invalid or not', async () => {
    const file = join(await tempDir('paths-'), 'openapi.json');
    await writeFile(file, JSON.stringify({ ...spec, components: { responses: { Bad: { content: 'nope' } } } }));
    const error = await loadSpec(file, { skipInvalid: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).pointer).toMatch(/^#\/components\/responses\/Bad/);
  });

  it('the CLI generates the rest with --skip-invalid and says how many warnings it has', async () => {
    const file = await specFile();
    const out = join(await tempDir('paths-out-'), 'client');
    const io = () => {
      const captured = { stdout: '', stderr: '' };
      return { captured, io: { stdout: (t: string) => void (captured.stdout += t), stderr: (t: string) => void (captured.stderr += t) } };
    };
    const refused = io();
    expect(await main(['generate', '--spec', file, '--out', out], refused.io)).toBe(2);
    expect(refused.captured.stderr).toContain('2 paths are invalid');

    const skipped = io();
    expect(await main(['generate', '--spec', file, '--out', out, '--skip-invalid', '--verbose'], skipped.io)).toBe(0);
    expect(skipped.captured.stdout).toContain('(2 operations,');
    expect(skipped.captured.stderr.match(/^warning: Skipped /gm)).toHaveLength(3);
  }, 120_000);
});

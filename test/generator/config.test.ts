import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config.js';

describe('config checks a user meets first', () => {
  const at = (data: unknown): unknown => {
    try {
      resolveConfig({ data, file: 'codegen.config.yaml' }, { title: 'Widget API' });
      return undefined;
    } catch (error) {
      return { message: (error as Error).message, pointer: (error as { pointer?: string }).pointer };
    }
  };

  it('names a misspelt top-level section instead of ignoring it', () => {
    expect(at({ clientt: { className: 'X' } })).toEqual({
      message: expect.stringContaining('Invalid config: unknown key "clientt"; the keys are package, client,'),
      pointer: '#/clientt',
    });
  });

  it('refuses class names that are not identifiers and package names npm would refuse', () => {
    expect(at({ client: { className: 'my-client' } })).toEqual({ message: 'Invalid config: "my-client" is not a valid TypeScript class name', pointer: '#/client/className' });
    expect(at({ client: { errorClassName: '1Error' } })).toMatchObject({ pointer: '#/client/errorClassName' });
    expect(at({ package: { name: 'My Client' } })).toMatchObject({ message: expect.stringContaining('"My Client" is not a valid npm package name'), pointer: '#/package/name' });
    expect(at({ package: { name: '@acme/widget-client' }, client: { className: 'Widget$' } })).toBeUndefined();
  });
});

describe('config mistakes found against the spec', () => {
  it('are reported against the config file, at the config key', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { generate } = await import('../../generator/pipeline.js');
    const { tempDir } = await import('../helpers/ir.js');
    const dir = await tempDir('config-');
    const spec = join(dir, 'openapi.json');
    const config = join(dir, 'codegen.config.yaml');
    await writeFile(spec, JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1' }, servers: [{ url: 'https://t.example' }], paths: { '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok' } } } } } }));
    await writeFile(config, 'operations:\n  nosuchop: { method: b }\n');
    await expect(generate({ spec, config, out: join(dir, 'out'), check: true, format: false })).rejects.toMatchObject({ file: config, pointer: '#/operations/nosuchop' });
    await writeFile(config, 'regions:\n  prod: https://elsewhere.example\n');
    await expect(generate({ spec, config, out: join(dir, 'out'), check: true, format: false })).rejects.toMatchObject({ file: config, pointer: '#/regions/prod' });
  });
});

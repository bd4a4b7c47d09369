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

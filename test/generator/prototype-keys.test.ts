import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { loadSpec } from '../../generator/load/index.js';
import { json, specWith, tempDir } from '../helpers/ir.js';

/**
 * Keys that name `Object.prototype` members are ordinary names in a spec (a schema called
 * `hasOwnProperty`, a property called `toLocaleString`); Redocly's walker used to find the
 * inherited method instead and refuse the whole spec.
 */
const NAMES = ['hasOwnProperty', 'toLocaleString', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', 'constructor', 'toString', '__proto__'];

function specNaming(name: string): string {
  const schema = `{"type":"object","properties":{"${name}":{"type":"string"}},"required":["${name}"]}`;
  const spec = specWith({ '/things': { get: { operationId: 'listThings', responses: { '200': json({ $ref: `#/components/schemas/${name}` }) } } } }, { components: { schemas: { PLACEHOLDER: {} } } });
  // Text, so `__proto__` stays a key rather than becoming the object's prototype.
  return JSON.stringify(spec).replace('"PLACEHOLDER":{}', `"${name}":${schema}`);
}

async function load(files: Record<string, string>, main = 'openapi.json') {
  const dir = await tempDir('proto-keys-');
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return loadSpec(join(dir, main));
}

describe('load: keys named like Object.prototype members', () => {
  it.each(NAMES)('a schema and a required property called %s load, with the key and the ref intact', async (name) => {
    const { document } = await load({ 'openapi.json': specNaming(name) });
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.hasOwn(schemas, name)).toBe(true);
    const schema = schemas[name] as { properties: Record<string, unknown>; required: string[] };
    expect(Object.hasOwn(schema.properties, name)).toBe(true);
    expect(schema.required).toEqual([name]);
    expect(JSON.stringify(document)).toContain(`"$ref":"#/components/schemas/${name}"`);
    expect(JSON.stringify(document)).not.toContain('shielded');
  });

  it('reports problems inside such a schema at its real pointer, without the mark', async () => {
    const text = specNaming('valueOf').replace('"type":"object","properties"', '"type":"object","minProperties":"two","properties"');
    const { warnings } = await load({ 'openapi.json': text });
    const warning = warnings.find((w) => w.includes('minProperties'));
    expect(warning).toMatch(/#\/components\/schemas\/valueOf\/minProperties/);
    expect(warnings.join('\n')).not.toContain('shielded');
  });

  it('an error at such a key names it as the spec spells it', async () => {
    const text = JSON.stringify(specWith({ '/things': { get: { operationId: 'listThings', responses: { '200': { description: 'ok' } } } } })).replace('"paths":{', '"paths":{"/x":{"hasOwnProperty":{}},');
    const error = await load({ 'openapi.json': text }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toContain('hasOwnProperty');
    expect((error as GeneratorError).message).not.toContain('shielded');
    expect((error as GeneratorError).pointer).toBe('#/paths/~1x/hasOwnProperty');
  });

  it('a referenced file with such keys bundles, with the keys and refs restored', async () => {
    const main = JSON.stringify(specWith({ '/things': { get: { operationId: 'listThings', responses: { '200': json({ $ref: './models.json#/toLocaleString' }) } } } }));
    const models = '{"toLocaleString":{"type":"object","properties":{"hasOwnProperty":{"$ref":"#/valueOf"}},"required":["hasOwnProperty"]},"valueOf":{"type":"string"}}';
    const { document } = await load({ 'openapi.json': main, 'models.json': models });
    const text = JSON.stringify(document);
    expect(text).not.toContain('shielded');
    expect(text).toContain('"hasOwnProperty"');
    expect(text).toContain('"toLocaleString"');
  });
});

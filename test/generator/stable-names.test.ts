import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesOf, readNamesLock } from '../../generator/ir/names-lock.js';
import type { ApiIR } from '../../generator/ir/types.js';
import { generate } from '../../generator/pipeline.js';
import { irOf, json, specWith, tempDir } from '../helpers/ir.js';

const pet = { type: 'object', properties: { id: { type: 'string' } } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const getPet = { operationId: 'getPet', parameters: [idParam], responses: { '200': json(pet) } };

/** Every name a user calls or imports: functions, resource methods, type prefixes, classes, schema aliases. */
function surface(ir: ApiIR): Record<string, string> {
  return {
    ...Object.fromEntries(ir.operations.map((op) => [`${op.method} ${op.path}`, `${op.functionName} ${op.typeName} ${op.resource}.${op.resourceMethod}`])),
    ...Object.fromEntries(ir.resources.map((r) => [`class ${r.property}`, r.className])),
    ...Object.fromEntries(ir.schemaAliases.map((s) => [`schema ${s.schemaName}`, s.name])),
  };
}

/** The first release, then a second built with the first one's recorded names. */
async function release(before: Record<string, unknown>, after: Record<string, unknown>, config: unknown = {}) {
  const first = await irOf(before, config);
  const lock = readNamesLock(JSON.parse(JSON.stringify({ names: namesOf(first) })));
  return { first, second: await irOf(after, config, lock), fresh: await irOf(after, config) };
}

/** Names of `first` that `second` changed: must be none. */
function renamed(first: ApiIR, second: ApiIR): string[] {
  const a = surface(first);
  const b = surface(second);
  return Object.keys(a).filter((k) => k in b && a[k] !== b[k]).map((k) => `${k}: ${a[k]} → ${b[k]}`);
}

describe('names recorded in the lock survive releases that add', () => {
  it('GET /pets beside GET /pets/{id}: pets.get() stays, the new operation gives way', async () => {
    const showPet = { ...getPet, operationId: 'showPet' };
    const { first, second, fresh } = await release(
      specWith({ '/pets/{id}': { get: showPet } }),
      specWith({ '/pets': { get: { operationId: 'fetchPets', responses: { '200': json(pet) } } }, '/pets/{id}': { get: showPet } }),
    );
    expect(surface(first)['get /pets/{id}']).toBe('showPet ShowPet pets.get');
    // Derived afresh, both would fall back to their ids' verbs: the rename the lock prevents.
    expect(surface(fresh)['get /pets/{id}']).toBe('showPet ShowPet pets.show');
    expect(renamed(first, second)).toEqual([]);
    expect(surface(second)['get /pets']).toBe('fetchPets FetchPets pets.fetch');
  });

  it('a new schema named like an existing type alias or resource class gets the suffix, not the old name', async () => {
    const before = specWith({ '/pets/{id}': { get: getPet } }, { components: { schemas: { Pet: pet } } });
    const after = specWith({ '/pets/{id}': { get: getPet } }, { components: { schemas: { Pets: pet, GetPetResponse: pet, Pet: pet } } });
    const { first, second, fresh } = await release(before, after);
    expect(renamed(first, fresh)).not.toEqual([]); // without the lock the class or the alias moves
    expect(renamed(first, second)).toEqual([]);
    expect([surface(second)['schema Pets'], surface(second)['schema GetPetResponse']]).toEqual(['Pets2', 'GetPetResponse2']);
  });

  it('a new operation whose function name would come first in the spec gets the suffix', async () => {
    const { first, second } = await release(
      specWith({ '/b': { get: { operationId: 'get_thing', responses: { '200': json(pet) } } } }),
      specWith({ '/a': { get: { operationId: 'get-thing', responses: { '200': json(pet) } } }, '/b': { get: { operationId: 'get_thing', responses: { '200': json(pet) } } } }),
    );
    expect(renamed(first, second)).toEqual([]);
    expect(second.operations.map((op) => op.functionName)).toEqual(['getThing2', 'getThing']);
  });

  it('the config still renames (its overrides win over the lock); a removed operation frees its names', async () => {
    const before = specWith({ '/pets/{id}': { get: getPet, delete: { operationId: 'deletePet', parameters: [idParam], responses: { '204': { description: 'gone' } } } } });
    const after = specWith({ '/pets/{id}': { get: getPet } , '/pets/{id}/owner': { delete: { operationId: 'deletePet', parameters: [idParam], responses: { '204': { description: 'gone' } } } } });
    const first = await irOf(before);
    expect(surface(first)['get /pets/{id}']).toBe('getPet GetPet pets.get');
    // The override arrives with the release: it, not the recorded `get`, names the method.
    const second = await irOf(after, { operations: { getPet: { method: 'retrieve' } } }, namesOf(first));
    expect(surface(second)['get /pets/{id}']).toBe('getPet GetPet pets.retrieve');
    // DELETE /pets/{id} is gone: a new operation with its operationId takes its names afresh.
    expect(surface(second)['delete /pets/{id}/owner']).toBe('deletePet DeletePet pets.deleteOwner');
  });

  it('a recorded resource whose property is not its path name (reserved word, client member) takes the new operation in', async () => {
    const ok = { '200': json(pet) };
    for (const segment of ['public', 'settings', 'default']) {
      const before = specWith({ [`/${segment}/items`]: { get: { operationId: 'listItems', responses: ok } } });
      const after = specWith({ [`/${segment}/items`]: { get: { operationId: 'listItems', responses: ok }, post: { operationId: 'addItem', responses: ok } } });
      const { first, second, fresh } = await release(before, after);
      expect(renamed(first, second), segment).toEqual([]);
      expect(second.resources.map((r) => `${r.property}/${r.className}`), segment).toEqual(fresh.resources.map((r) => `${r.property}/${r.className}`));
      expect(second.resources, segment).toHaveLength(1);
    }
  });

  it('gives the same names when generated again from its own lock (a config resource beside a path resource)', async () => {
    const spec = specWith({ '/foo': { get: { operationId: 'a', responses: { '200': json(pet) } } }, '/bar': { get: { operationId: 'b', responses: { '200': json(pet) } } } });
    const config = { operations: { b: { resource: 'Foo', method: 'other' } } };
    let ir = await irOf(spec, config);
    const seen = [JSON.stringify(namesOf(ir))];
    for (let i = 0; i < 3; i++) {
      ir = await irOf(spec, config, readNamesLock({ names: namesOf(ir) }));
      seen.push(JSON.stringify(namesOf(ir)));
    }
    expect(new Set(seen).size).toBe(1);
    expect(ir.resources.map((r) => r.className)).toEqual(['Foo']);
  });

  it('drops damaged lock entries instead of printing them into code', () => {
    const lock = readNamesLock({
      names: {
        operations: { 'GET /a': { function: 'x); process.exit(1); (', types: 'A', resource: 'a', method: 'get' }, 'GET /b': { function: 'b', types: 'B', resource: 'b', method: 'get' } },
        resources: { 'not an id': { className: 'X' }, b: { className: 'B' } },
        schemas: { S: 'S s', T: 'T' },
      },
    });
    expect(lock).toEqual({ operations: { 'GET /b': { function: 'b', types: 'B', resource: 'b', method: 'get' } }, resources: { b: { className: 'B' } }, schemas: { T: 'T' } });
    expect(readNamesLock({ generator: {} })).toBeUndefined();
  });
});

describe('the pipeline reads the names from the output it replaces', () => {
  it('refuses a lock that is not JSON (a merge conflict) and ignores the lock of another package', async () => {
    const dir = await tempDir('names-lock-');
    const out = join(dir, 'client');
    const spec = join(dir, 'openapi.json');
    await writeFile(spec, JSON.stringify(specWith({ '/pets/{id}': { get: getPet } })));
    await generate({ spec, out, format: false });
    const lockFile = join(out, 'codegen.lock.json');
    const lock = JSON.parse(await readFile(lockFile, 'utf8')) as { package: { name: string }; names: { operations: Record<string, { method: string }> } };
    lock.names.operations['GET /pets/{id}']!.method = 'fetchOne';
    await writeFile(lockFile, `<<<<<<< HEAD\n${JSON.stringify(lock)}`);
    await expect(generate({ spec, out, format: false })).rejects.toThrow(/not JSON.*--fresh-names/);
    // The recorded name applies to its own package only.
    await writeFile(lockFile, JSON.stringify(lock));
    expect((await generate({ spec, out, format: false, check: true })).ir.operations[0]?.resourceMethod).toBe('fetchOne');
    await writeFile(lockFile, JSON.stringify({ ...lock, package: { name: 'another-client' } }));
    expect((await generate({ spec, out, format: false, check: true })).ir.operations[0]?.resourceMethod).toBe('get');
  });

  it('keeps them across a regeneration, and --fresh-names derives them again', async () => {
    const dir = await tempDir('names-');
    const out = join(dir, 'client');
    const spec = join(dir, 'openapi.json');
    const showPet = { ...getPet, operationId: 'showPet' };
    await writeFile(spec, JSON.stringify(specWith({ '/pets/{id}': { get: showPet } })));
    await generate({ spec, out, format: false });
    const recorded = JSON.parse(await readFile(join(out, 'codegen.lock.json'), 'utf8')) as { names: { operations: Record<string, unknown> } };
    expect(recorded.names.operations['GET /pets/{id}']).toEqual({ function: 'showPet', types: 'ShowPet', resource: 'pets', method: 'get' });

    await writeFile(spec, JSON.stringify(specWith({ '/pets': { get: { operationId: 'fetchPets', responses: { '200': json(pet) } } }, '/pets/{id}': { get: showPet } })));
    const kept = await generate({ spec, out, format: false });
    expect(kept.ir.operations.map((op) => `${op.resource}.${op.resourceMethod}`)).toEqual(['pets.fetch', 'pets.get']);
    expect(await readFile(join(out, 'src', 'resources', 'pets.ts'), 'utf8')).toMatch(/\bget\(/);
    const fresh = await generate({ spec, out, format: false, check: true, freshNames: true });
    expect(fresh.ir.operations.map((op) => `${op.resource}.${op.resourceMethod}`)).toEqual(['pets.fetch', 'pets.show']);
    expect(fresh.drift).toContain('src/resources/pets.ts (changed)');
  });
});

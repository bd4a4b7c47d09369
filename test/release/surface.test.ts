import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { diffGeneratedClients, diffSurfaces } from '../../generator/release/surface-diff.js';
import { loadSurfaces, renderSurface, type SurfacePair } from '../../generator/release/surface.js';
import { tempDir } from '../helpers/ir.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Generates a client from a fixture spec (prettier off: the surface does not depend on layout). */
async function client(dir: string, name: string, spec: string, config?: string): Promise<string> {
  const out = join(dir, name);
  await generate({ spec: join(FIXTURES, spec), out, format: false, ...(config ? { config: join(FIXTURES, config) } : {}) });
  return out;
}

const brief = (changes: readonly { level: string; kind: string; symbol: string }[]): string[] => changes.map((c) => `${c.level} ${c.kind} ${c.symbol}`);

describe('the surface of a generated client', () => {
  let v1: string;
  let v2: string;
  let v3: string;
  let renamed: string;
  let pair: SurfacePair;
  beforeAll(async () => {
    const dir = await tempDir('surface-');
    [v1, v2, v3, renamed] = await Promise.all([
      client(dir, 'v1', 'pets-v1.yaml'),
      client(dir, 'v2', 'pets-v2.yaml'),
      client(dir, 'v3', 'pets-v3.yaml'),
      client(dir, 'renamed', 'pets-v1.yaml', 'rename-method.yaml'),
    ]);
    pair = loadSurfaces(v1, v2);
  });

  it('shares the runtime, which both packages copy verbatim', () => {
    expect(pair.sharedRuntime).toBe(true);
  });

  it('renders one line per export and member, with declared signatures, sorted', () => {
    const text = renderSurface(pair.old);
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain('function getPet(client: ApiClient, id: string, options?: RequestOptions): APIPromise<Pet>');
    expect(lines).toContain('class Pets extends ApiClient');
    expect(lines).toContain('  Pets.constructor(options?: PetsOptions)');
    expect(lines).toContain('  readonly Pets.pets: PetsResource');
    expect(lines).toContain('  Pets.pets.get(id: string, options?: RequestOptions): APIPromise<Pet>');
    expect(lines).toContain('class PetsResource // members under Pets.pets');
    // models.ts re-exports the alias types.ts declares, so the model's line shows its shape.
    expect(lines).toContain('type Pet = {id: string; name?: string}');
    expect(lines).toContain('  APIPromise.withResponse(): Promise<WithResponse<Body>>');
    // Private members of the runtime (#client, #execute, …) are not part of it.
    expect(text).not.toMatch(/#|private /);
    const exportLines = lines.filter((l) => !l.startsWith('  ')).map((l) => l.replace(/^(?:class|function|interface|type|const) /, '').split(/[<( =:]/)[0]!);
    expect(exportLines).toEqual([...exportLines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('an added operation: new exports and a new method, nothing breaking', () => {
    const changes = diffSurfaces(pair);
    expect(brief(changes)).toEqual([
      'non-breaking export-added ListPetsParams',
      'non-breaking export-added ListPetsResponse',
      'non-breaking method-added Pets.pets.list',
      'non-breaking export-added listPets',
      'non-breaking export-type-changed operations',
      'non-breaking export-type-changed paths',
    ]);
    expect(changes.find((c) => c.kind === 'method-added')?.message).toBe('Method `Pets.pets.list` was added');
    // Deterministic: the same pair diffs the same.
    expect(diffSurfaces(pair)).toEqual(changes);
  });

  it('the other way round: removals are breaking and name the old package', () => {
    const changes = diffSurfaces({ ...pair, old: pair.new, new: pair.old });
    expect(changes.filter((c) => c.level === 'breaking').map((c) => [c.kind, c.symbol, c.side])).toEqual([
      ['export-removed', 'ListPetsParams', 'old'],
      ['export-removed', 'ListPetsResponse', 'old'],
      ['method-removed', 'Pets.pets.list', 'old'],
      ['export-removed', 'listPets', 'old'],
    ]);
  });

  it('a method renamed by the config is one breaking rename', () => {
    const { changes, newSurface } = diffGeneratedClients(v1, renamed);
    expect(changes).toEqual([{ level: 'breaking', kind: 'method-renamed', symbol: 'Pets.pets.get', side: 'old', message: 'Method renamed `Pets.pets.get` → `Pets.pets.retrieve`' }]);
    expect(newSurface).toContain('  Pets.pets.retrieve(id: string, options?: RequestOptions): APIPromise<Pet>\n');
  });

  it('a call the old signature accepted and the new one rejects is breaking, for the method and the function', () => {
    const { changes } = diffGeneratedClients(v1, v3);
    const incompatible = changes.filter((c) => c.level === 'breaking');
    expect(incompatible.map((c) => [c.kind, c.symbol])).toEqual([
      ['method-signature-incompatible', 'Pets.pets.get'],
      ['function-signature-incompatible', 'getPet'],
    ]);
    // An id that became a number, and a new optional query parameter that took the place of `options`.
    expect(incompatible[0]!.message).toBe(
      'Method `Pets.pets.get`: parameter `id` no longer accepts `string` (now `number`); parameter `options` (now `params`) no longer accepts `RequestOptions` (now `GetPetParams`)',
    );
  });
});

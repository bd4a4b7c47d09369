import { stringify as toYaml } from 'yaml';
import { pick } from './prng.js';

export interface Mutant {
  /** Which mutation produced it, for the summary table. */
  kind: string;
  /** What to write to disk. */
  text: string;
  extension: 'json' | 'yaml';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every (path, value) in a document, so a mutation can hit any level. */
function locations(doc: Json, path: (string | number)[] = [], out: { path: (string | number)[]; value: Json }[] = []): { path: (string | number)[]; value: Json }[] {
  out.push({ path, value: doc });
  if (Array.isArray(doc)) doc.forEach((v, i) => locations(v, [...path, i], out));
  else if (doc && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) locations(v, [...path, k], out);
  return out;
}

function setAt(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(doc);
  let node = copy as { [key: string]: Json } | Json[];
  for (const key of path.slice(0, -1)) node = (node as Record<string, Json>)[key as string] as { [key: string]: Json };
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last as string];
  } else (node as Record<string, Json>)[last as string] = value;
  return copy;
}

const WRONG: Json[] = [null, 0, -1, 1.5, true, false, '', 'x', [], {}, [null], { $ref: 42 } as unknown as Json];
const NASTY = ['*/', '`', '${x}', '"', "'", '\n', '\r\n', '\u0000', '\u2028', '\u202e', '</script>', '🙂', 'é', '\\', '{', '}', '#', '/', '~1', '..', ' '];

/** Applies one seeded mutation to a spec document. */
export function mutate(base: Json, random: () => number): Mutant {
  const all = locations(base);
  const at = (filter: (l: { path: (string | number)[]; value: Json }) => boolean) => {
    const candidates = all.filter(filter);
    // The root is always an object, so object-shaped mutations stay well-formed.
    return candidates.length > 0 ? pick(random, candidates) : all[0]!;
  };
  const json = (doc: Json, kind: string): Mutant => ({ kind, text: JSON.stringify(doc), extension: 'json' });
  const kind = pick(random, [
    'truncate-json', 'garble-json', 'garble-yaml', 'dangling-ref', 'cyclic-ref', 'wrong-type', 'wrong-type', 'wrong-type',
    'delete-key', 'delete-key', 'empty-object', 'huge-string', 'nasty-name', 'nasty-name', 'nasty-text', 'drop-paths',
  ] as const);
  switch (kind) {
    case 'truncate-json': {
      const text = JSON.stringify(base, null, 1);
      return { kind, text: text.slice(0, Math.floor(random() * text.length)), extension: 'json' };
    }
    case 'garble-json': {
      const text = JSON.stringify(base);
      const i = Math.floor(random() * text.length);
      return { kind, text: text.slice(0, i) + pick(random, ['"', '{', ']', ',', ':', '\u0000', '}}']) + text.slice(i), extension: 'json' };
    }
    case 'garble-yaml': {
      const text = toYaml(base);
      const lines = text.split('\n');
      const i = Math.floor(random() * lines.length);
      lines[i] = pick(random, ['  - : ]', '\t- bad', `${lines[i]}: : x`, '{unclosed', '*alias', '"']);
      return { kind, text: lines.join('\n'), extension: 'yaml' };
    }
    case 'dangling-ref': {
      const target = at((l) => typeof l.value === 'object' && l.value !== null && '$ref' in (l.value as object));
      return json(setAt(base, [...target.path, '$ref'], pick(random, ['#/components/schemas/Nope', '#/nope', 'missing.json', '#/paths/~1nope', ''])), kind);
    }
    case 'cyclic-ref': {
      const withCycle = structuredClone(base) as { components?: { schemas?: Record<string, Json> } };
      withCycle.components ??= {};
      withCycle.components.schemas = { ...(withCycle.components.schemas ?? {}), CycleA: { $ref: '#/components/schemas/CycleB' }, CycleB: { $ref: '#/components/schemas/CycleA' } };
      const target = at((l) => typeof l.value === 'object' && l.value !== null && '$ref' in (l.value as object));
      return json(setAt(withCycle as Json, [...target.path, '$ref'], '#/components/schemas/CycleA'), kind);
    }
    case 'wrong-type': {
      const target = pick(random, all);
      return json(setAt(base, target.path, pick(random, WRONG)), kind);
    }
    case 'delete-key': {
      const target = at((l) => l.path.length > 0);
      return json(setAt(base, target.path, undefined), kind);
    }
    case 'empty-object': {
      const target = at((l) => typeof l.value === 'object' && l.value !== null);
      return json(setAt(base, target.path, Array.isArray(target.value) ? [] : {}), kind);
    }
    case 'huge-string': {
      const target = at((l) => typeof l.value === 'string');
      return json(setAt(base, target.path, 'x'.repeat(50_000 + Math.floor(random() * 100_000))), kind);
    }
    case 'nasty-name': {
      // Rename a key that becomes a name in code: an operationId, a schema, a property, a parameter.
      const target = at((l) => ['operationId', 'name'].includes(String(l.path.at(-1))) || l.path.at(-2) === 'schemas' || l.path.at(-2) === 'properties');
      const nasty = `${pick(random, NASTY)}n${pick(random, NASTY)}${pick(random, NASTY)}`;
      const key = target.path.at(-1);
      if (typeof key === 'string' && (target.path.at(-2) === 'schemas' || target.path.at(-2) === 'properties')) {
        const parent = setAt(base, target.path, undefined);
        return json(setAt(parent, [...target.path.slice(0, -1), nasty], target.value), kind);
      }
      return json(setAt(base, target.path, nasty), kind);
    }
    case 'nasty-text': {
      const target = at((l) => ['description', 'summary', 'title', 'example', 'default'].includes(String(l.path.at(-1))));
      return json(setAt(base, target.path, NASTY.join(' ')), kind);
    }
    case 'drop-paths':
      return json(setAt(base, ['paths'], undefined), kind);
  }
}

import { pick } from './prng.js';

/**
 * Generators of hostile spec shapes (issue #19): each draws one spec from the seeded random
 * source and says what the generator must do with it. Unlike mutate.ts, which perturbs real specs
 * at random, these build the shapes that broke the generator once, at random sizes and places.
 */
export type ShapeKind = 'ref-fan-out' | 'deep-nesting' | 'hostile-names' | 'control-chars' | 'outside-refs';

export interface HostileShape {
  kind: ShapeKind;
  /** One line saying what was drawn, for the failure message. */
  label: string;
  spec: Record<string, unknown>;
  /** The spec's text, when it cannot be built as an object and stringified (deep nesting). */
  text?: string;
  /** Whether the generator must produce a client, or refuse with one GeneratorError. */
  expect: 'generates' | 'refused';
}

type Random = () => number;
const int = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

function base(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}, title = 'Hostile API'): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title, version: '1.0.0' },
    servers: [{ url: 'https://api.example.test' }],
    paths,
    components: { schemas },
  };
}

/** `obj[key] = value` that also works for `__proto__`, which assignment would take as the prototype. */
function own(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const ok = (schema: unknown): Record<string, unknown> => ({ description: 'ok', content: { 'application/json': { schema } } });

/** S_i has `width` properties, each a ref to S_(i-1): inlined, a schema of 2^depth leaves. */
export function refFanOut(random: Random): HostileShape {
  const depth = int(random, 14, 22);
  const width = int(random, 2, 3);
  const schemas: Record<string, unknown> = { S0: { type: 'object', properties: { leaf: { type: 'string' } } } };
  for (let i = 1; i <= depth; i++) {
    const properties: Record<string, unknown> = {};
    for (let p = 0; p < width; p++) properties[`p${p}`] = { $ref: `#/components/schemas/S${i - 1}` };
    schemas[`S${i}`] = { type: 'object', properties };
  }
  const asBody = random() < 0.5;
  const operation = asBody
    ? { operationId: 'createThing', requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/S${depth}` } } } }, responses: { '200': ok({ type: 'object' }) } }
    : { operationId: 'listThings', parameters: [{ name: 'filter', in: 'query', content: { 'application/json': { schema: { $ref: `#/components/schemas/S${depth}` } } } }], responses: { '200': ok({ $ref: `#/components/schemas/S${depth}` }) } };
  return { kind: 'ref-fan-out', label: `depth ${depth}, width ${width}, ${asBody ? 'request body' : 'query parameter'}`, spec: base({ '/things': { [asBody ? 'post' : 'get']: operation } }, schemas), expect: 'generates' };
}

/**
 * One chain of `depth` nested nodes, at one of the places a spec can nest. Built as text: at these
 * depths JSON.stringify itself overflows the stack.
 */
export function deepNesting(random: Random): HostileShape {
  const depth = int(random, 2_000, 20_000);
  const place = pick(random, ['properties', 'items', 'allOf', 'extension', 'example'] as const);
  const [open, close] =
    place === 'properties' ? ['{"type":"object","properties":{"next":', '}}'] : place === 'items' ? ['{"type":"array","items":', '}'] : place === 'allOf' ? ['{"allOf":[', ']}'] : ['{"next":', '}'];
  const chain = open.repeat(depth) + (place === 'example' || place === 'extension' ? '{"end":true}' : '{"type":"string"}') + close.repeat(depth);
  const schema = place === 'extension' ? `{"type":"object","x-nested":${chain}}` : place === 'example' ? `{"type":"object","example":${chain}}` : chain;
  const spec = base({ '/deep': { get: { operationId: 'getDeep', responses: { '200': ok({ $ref: '#/components/schemas/Deep' }) } } } }, { Deep: '@DEEP@' });
  const text = JSON.stringify(spec).replace('"@DEEP@"', schema);
  return { kind: 'deep-nesting', label: `${depth} levels of ${place}`, spec, text, expect: 'refused' };
}

/** Names JavaScript gives a meaning to, as operationIds, tags, schema and property names. */
export const MEANINGFUL_NAMES = ['then', 'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', 'catch', 'finally'] as const;

export function hostileNames(random: Random): HostileShape {
  const count = int(random, 3, 6);
  const names = [...MEANINGFUL_NAMES].sort(() => random() - 0.5).slice(0, count);
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const tag = pick(random, MEANINGFUL_NAMES);
    own(schemas, name, { type: 'object', properties: { [pick(random, MEANINGFUL_NAMES)]: { type: 'string' }, id: { type: 'string' } }, required: ['id'] });
    paths[`/${pick(random, ['items', name])}${i}/{id}`] = {
      get: {
        operationId: name,
        tags: [tag],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: pick(random, MEANINGFUL_NAMES), in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': ok({ $ref: `#/components/schemas/${encodeURIComponent(name).replace(/~/g, '~0')}` }) },
      },
    };
  });
  return { kind: 'hostile-names', label: names.join(', '), spec: base(paths, schemas), expect: 'generates' };
}

/** Terminal escapes, bidi controls and invisible characters (Trojan Source, OSC 8 links, …). */
export const CONTROL_SAMPLES = ['\u001b[2J\u001b[H', '\u001b]8;;https://evil.test\u0007link\u001b]8;;\u0007', '\u202e', '\u2066', '\u2069', '\u200b', '\u200d', '\ufeff', '\u061c', '\u0008', '\u007f', '\u0085', '\u009b31m', '\u2028'];
/** Any raw control, bidi or invisible format character: none may reach a generated file. */
export const FORBIDDEN_IN_OUTPUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

export function controlChars(random: Random): HostileShape {
  const text = (plain: string): string => {
    const parts = [plain];
    for (let i = int(random, 1, 3); i > 0; i--) parts.splice(int(random, 0, parts.length), 0, pick(random, CONTROL_SAMPLES));
    return parts.join('');
  };
  const spec = base(
    {
      '/reports/{id}': {
        get: {
          operationId: 'getReport',
          summary: text('Get a report'),
          description: text('Returns the report. Ordinary text stays: café, 東京, 🚀.'),
          tags: ['reports'],
          parameters: [{ name: 'id', in: 'path', required: true, description: text('The id'), schema: { type: 'string', example: text('r_1') } }],
          responses: { '200': ok({ $ref: '#/components/schemas/Report' }), '404': { description: text('Not found') } },
        },
      },
    },
    { Report: { type: 'object', description: text('A report'), title: text('Report'), properties: { name: { type: 'string', description: text('Its name'), enum: [text('a'), 'b'] } } } },
    text('Hostile API'),
  );
  (spec.info as Record<string, unknown>).description = text('Intro');
  return { kind: 'control-chars', label: JSON.stringify((spec.info as { title: string }).title), spec, expect: 'generates' };
}

/**
 * A `$ref` leaving the spec's folder: another host, a parent folder, an absolute path, a
 * `file:` URL. `url` is a local server that counts requests: none may arrive.
 */
export function outsideRefs(random: Random, url: string, outsideFile: string): HostileShape {
  const ref = pick(random, [`${url}/schema.json#/Thing`, '../outside/schema.json#/Thing', outsideFile + '#/Thing', `file://${outsideFile}#/Thing`]);
  const where = pick(random, ['response', 'parameter'] as const);
  const operation =
    where === 'response'
      ? { operationId: 'getThing', responses: { '200': ok({ $ref: ref }) } }
      : { operationId: 'getThing', parameters: [{ name: 'q', in: 'query', schema: { $ref: ref } }], responses: { '200': ok({ type: 'object' }) } };
  return { kind: 'outside-refs', label: `${ref} in a ${where}`, spec: base({ '/thing': { get: operation } }), expect: 'refused' };
}

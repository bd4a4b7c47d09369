import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../generator/diff/index.js';
import { GeneratorError } from '../../generator/errors.js';
import { canonicalJson, canonicalKey } from '../../generator/schema/json.js';
import { RefResolver } from '../../generator/schema/resolve.js';
import { isArraySchema, propertiesOf, schemaAtPath, typesOf, viewOf } from '../../generator/schema/view.js';
import { irOf, json, specWith } from '../helpers/ir.js';
import { doc, getThings, object, query } from '../diff/helpers.js';

/** A resolver over a document whose components.schemas are `schemas`. */
const over = (schemas: Record<string, unknown>, extra: Record<string, unknown> = {}): RefResolver =>
  new RefResolver({ components: { schemas, ...extra } }, 'spec.json');
const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });

describe('schema module: one cycle policy', () => {
  it('reports a $ref chain that comes back to itself with the chain as pointers', () => {
    const refs = over({ A: ref('B'), B: ref('A') });
    let error: unknown;
    try {
      refs.deref(ref('A'), '#/paths/~1x/get');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toBe('Circular $ref chain #/paths/~1x/get → #/components/schemas/A → #/components/schemas/B → #/components/schemas/A');
    expect((error as GeneratorError).file).toBe('spec.json');
    // The lenient reading (the diff's) does not read a cycle as an empty schema either.
    expect(() => refs.tryDeref(ref('A'), '#')).toThrow(/Circular \$ref chain/);
  });

  it('reads a ref to nothing as absent when lenient, and as an error when strict', () => {
    const refs = over({});
    expect(refs.tryDeref(ref('Gone'), '#/x')).toEqual({ value: undefined, pointer: '#/components/schemas/Gone' });
    expect(() => refs.deref(ref('Gone'), '#/x')).toThrow('Unresolved $ref "#/components/schemas/Gone"');
  });

  it('merges a recursive allOf once: the back-reference adds nothing', () => {
    const refs = over({
      A: { allOf: [ref('B')], properties: { a: { type: 'string' } } },
      B: { allOf: [ref('A')], properties: { b: { type: 'integer' } } },
    });
    expect([...propertiesOf(refs, ref('A'), '#')].map(([name, at]) => [name, at.pointer])).toEqual([
      ['a', '#/components/schemas/A/properties/a'],
      ['b', '#/components/schemas/B/properties/b'],
    ]);
  });

  it('follows a recursive schema one level at a time (a Node whose children are Nodes)', () => {
    const refs = over({ Node: { type: 'object', properties: { children: { type: 'array', items: ref('Node') } } } });
    const children = propertiesOf(refs, ref('Node'), '#').get('children')!;
    expect(isArraySchema(refs, children.node, children.pointer)).toBe(true);
    expect(viewOf(refs, { node: ref('Node'), pointer: '#/x' }).target).toBe('#/components/schemas/Node');
  });

  it('the diff names a circular parameter chain instead of reading it as {}', () => {
    // Before: diff/json.ts#deref returned `{}` for the chain, so the parameter silently vanished.
    const parameters = { A: { $ref: '#/components/parameters/B' }, B: { $ref: '#/components/parameters/A' } };
    const old = doc(getThings({ type: 'string' }, { parameters: [query('q', { type: 'string' })] }));
    const next = doc(getThings({ type: 'string' }, { parameters: [{ $ref: '#/components/parameters/A' }] }), { components: { parameters } });
    expect(() => diffSpecs(old, next)).toThrow(/Circular \$ref chain .*#\/components\/parameters\/A → #\/components\/parameters\/B → #\/components\/parameters\/A/);
  });
});

describe('schema module: nullability in 3.0 and 3.1 spellings', () => {
  const spellings: [string, unknown][] = [
    ['3.0 nullable', { type: 'string', nullable: true }],
    ['3.1 type array', { type: ['string', 'null'] }],
    ['anyOf with type null', { anyOf: [{ type: 'string' }, { type: 'null' }] }],
    ['oneOf with a null const', { oneOf: [ref('S'), { const: null }] }],
    ['enum with null', { type: 'string', enum: ['a', null] }],
  ];
  it.each(spellings)('%s reads as a nullable string', (_name, schema) => {
    const refs = over({ S: { type: 'string' } });
    const view = viewOf(refs, { node: schema, pointer: '#/s' });
    expect(view.nullable).toBeDefined();
    expect([...typesOf(refs, schema, '#/s')]).toEqual(['string']);
  });

  it('a plain string and a 3.0 nullable: false are not nullable', () => {
    const refs = over({});
    expect(viewOf(refs, { node: { type: 'string' }, pointer: '#' }).nullable).toBeUndefined();
    expect(viewOf(refs, { node: { type: 'string', nullable: false }, pointer: '#' }).nullable).toBeUndefined();
  });

  it('pagination detection reads a pydantic nullable cursor as a string, as error-body reading always did', async () => {
    // Before: pagination's own typesOf read only `type`, so `anyOf: [string, null]` was no cursor.
    const page = {
      type: 'object',
      properties: { data: { type: 'array', items: { type: 'string' } }, next_cursor: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    };
    const ir = await irOf(
      specWith({ '/things': { get: { operationId: 'listThings', parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' } }], responses: { '200': json(page) } } } }),
    );
    expect(ir.operations[0]!.paging).toMatchObject({ style: 'cursor', positionParam: 'cursor', itemsPath: ['data'], nextCursorPath: ['next_cursor'] });
  });
});

describe('schema module: composition', () => {
  it('merges allOf properties through $ref, own first, the first definition of a name winning', () => {
    const refs = over({
      Base: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string', format: 'base' } } },
      Page: { allOf: [ref('Base'), { properties: { name: { type: 'string', format: 'later' }, meta: object({ next: { type: 'string' } }) } }] },
    });
    const props = propertiesOf(refs, { allOf: [ref('Page')], properties: { own: { type: 'boolean' } } }, '#/s');
    expect([...props.keys()]).toEqual(['own', 'id', 'name', 'meta']);
    expect(props.get('name')!.pointer).toBe('#/components/schemas/Base/properties/name');
    expect(schemaAtPath(refs, ref('Page'), '#', ['meta', 'next'])).toEqual({ type: 'string' });
    expect(schemaAtPath(refs, ref('Page'), '#', ['meta', 'missing'])).toBeUndefined();
  });

  it('keeps two or more oneOf/anyOf variants as branches; a single non-null one is the schema', () => {
    const refs = over({ Cat: object({ meow: { type: 'string' } }), Dog: object({ bark: { type: 'string' } }) });
    const union = viewOf(refs, { node: { oneOf: [ref('Cat'), ref('Dog')] }, pointer: '#/u' });
    expect(union.branches?.map((b) => b.pointer)).toEqual(['#/u/oneOf/0', '#/u/oneOf/1']);
    expect(union.properties.size).toBe(0);
    const single = viewOf(refs, { node: { anyOf: [ref('Cat'), { type: 'null' }] }, pointer: '#/s' });
    expect(single.branches).toBeUndefined();
    expect([...single.properties.keys()]).toEqual(['meow']);
  });

  it('reads enums without null and formats, the outermost spelling winning', () => {
    const refs = over({ Day: { type: 'string', format: 'date', enum: ['mon', 'tue'] } });
    const view = viewOf(refs, { node: { $ref: '#/components/schemas/Day', format: 'date-time' }, pointer: '#/d' });
    expect(view.format).toEqual({ value: 'date-time', origin: '#/d' });
    expect([...view.enumValues!.value.values()]).toEqual(['mon', 'tue']);
    expect(isArraySchema(refs, { type: ['array', 'null'], items: {} }, '#')).toBe(true);
    expect(isArraySchema(refs, ref('Day'), '#')).toBe(false);
  });
});

describe('schema module: canonical JSON', () => {
  it('sorts keys by code unit at every depth and keeps array order', () => {
    const value = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 2 }, B: 0 };
    expect(canonicalKey(value)).toBe('{"B":0,"a":{"c":2,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(value)).toBe(`${JSON.stringify(JSON.parse(canonicalKey(value)), null, 2)}\n`);
    expect(canonicalKey(undefined)).toBe('undefined');
  });

  it('keeps a "__proto__" key as data', () => {
    const value: unknown = JSON.parse('{"__proto__": {"x": 1}, "a": 1}');
    expect(canonicalKey(value)).toBe('{"__proto__":{"x":1},"a":1}');
  });

  it('the diff tells an enum member {"__proto__": …} from {}', () => {
    // Before: the diff's own canonical() assigned `sorted.__proto__ = …`, which set a prototype,
    // so both members printed as "{}" and the change went unreported.
    const member: unknown = JSON.parse('{"__proto__": {"x": 1}}');
    const old = doc(getThings({ type: 'object', enum: [member] }));
    const next = doc(getThings({ type: 'object', enum: [{}] }));
    expect(diffSpecs(old, next).changes.map((c) => c.message)).toEqual([
      'Response body (200): enum value `{}` added',
      'Response body (200): enum value `{"__proto__":{"x":1}}` removed',
    ]);
  });
});

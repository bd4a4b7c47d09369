import { describe, expect, it } from 'vitest';
import { call, lit, member, obj, optionalKey, ref, returns, tagged } from '../../generator/emit/code.js';

/** generator/emit/code.ts: spec strings reach function bodies only as literals, keys or escaped template parts. */
describe('code builder', () => {
  it('takes names the emitter chose, and nothing that could be an expression', () => {
    expect(ref('this.#client').text).toBe('this.#client');
    for (const bad of ['a b', 'x;y', 'f()', '', 'a.', '`x`']) expect(() => ref(bad), bad).toThrow(/not a reference/);
  });

  it('quotes keys that are not identifiers and writes __proto__ computed', () => {
    expect(obj([['method', lit('GET')], ['x-trace', lit(1)], ['__proto__', lit(null)], 'body']).text).toBe('{ method: "GET", "x-trace": 1, ["__proto__"]: null, body }');
  });

  it('escapes template parts so spec text can neither close the template nor interpolate', () => {
    const path = tagged(ref('encodePath'), ['/a`b${c}\\d/', ref('id'), '/e']);
    expect(path.text).toBe('encodePath`/a\\`b\\${c}\\\\d/${id}/e`');
    expect(() => new Function('encodePath', 'id', `return ${path.text};`)).not.toThrow();
    const value = new Function('encodePath', 'id', `return ${path.text};`)((s: TemplateStringsArray, ...v: unknown[]) => String.raw({ raw: s }, ...v), 7);
    // The tag receives the spec's text back exactly, with the value in its place.
    expect(value).toBe('/a`b${c}\\d/7/e');
  });

  it('reads __proto__ as an own property only', () => {
    const read = new Function('params', `return ${optionalKey(ref('params'), '__proto__').text};`) as (p: unknown) => unknown;
    expect(read({})).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
    expect(read(JSON.parse('{"__proto__": 5}'))).toBe(5);
    expect(optionalKey(ref('params'), 'q').text).toBe('params?.["q"]');
  });

  it('prints calls with type arguments as a return statement', () => {
    expect(returns(call(member(ref('client'), 'request'), ['A', 'B'], [obj([]), ref('options')]))).toBe('return client.request<A, B>({  }, options);');
  });
});

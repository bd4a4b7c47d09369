/**
 * A small typed builder for the expressions the emitters print inside function bodies (the
 * request object handed to the runtime, the call that sends it). A `Code` value is made only here,
 * so every spec string reaches code through `lit` (a JSON literal), `key` (a quoted or computed
 * key) or a template part escaped below: an emitter cannot splice raw text into a body by mistake.
 * Types stay ts-morph strings (structures take them as such).
 */
import { escapeInvisible } from '../text/invisible.js';
import { literal, literalKey } from './ts.js';

declare const isCode: unique symbol;
/** Expression source built by this module. */
export interface Code {
  readonly [isCode]: true;
  readonly text: string;
}

const code = (text: string): Code => ({ text }) as Code;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A name the emitter chose (a parameter, a generated constant); never spec text. */
export function ref(name: string): Code {
  if (!name.split('.').every((part) => IDENTIFIER.test(part) || /^#[A-Za-z_$][A-Za-z0-9_$]*$/.test(part))) throw new Error(`not a reference: ${name}`);
  return code(name);
}

/** Any JSON value as a literal. */
export function lit(value: unknown): Code {
  return code(literal(value));
}

/** An object literal; a bare name stands for the shorthand property `{ body }`. */
export function obj(entries: readonly (readonly [string, Code] | string)[]): Code {
  const parts = entries.map((entry) => {
    if (typeof entry === 'string') return ref(entry).text;
    const [name, value] = entry;
    return `${IDENTIFIER.test(name) && name !== '__proto__' ? name : literalKey(name)}: ${value.text}`;
  });
  return code(`{ ${parts.join(', ')} }`);
}

/** `target?.["key"]`, except `__proto__`, read as an own property only (a plain read would give the prototype). */
export function optionalKey(target: Code, key: string): Code {
  if (key === '__proto__') return code(`(${target.text} !== undefined && Object.hasOwn(${target.text}, "__proto__") ? ${target.text}["__proto__"] : undefined)`);
  return code(`${target.text}?.[${literal(key)}]`);
}

/** `` tag`literal ${value} literal` ``: literal parts are escaped, so they can neither close the template nor interpolate. */
export function tagged(tag: Code, parts: readonly (string | Code)[]): Code {
  const body = parts.map((part) => (typeof part === 'string' ? escapeInvisible(part.replace(/[\\`$]/g, (c) => `\\${c}`)) : `\${${part.text}}`)).join('');
  return code(`${tag.text}\`${body}\``);
}

/** `callee<T, U>(a, b)`. */
export function call(callee: Code, typeArguments: readonly string[], args: readonly Code[]): Code {
  const types = typeArguments.length > 0 ? `<${typeArguments.join(', ')}>` : '';
  return code(`${callee.text}${types}(${args.map((a) => a.text).join(', ')})`);
}

/** `target.name` for a member the emitter chose. */
export function member(target: Code, name: string): Code {
  return ref(`${target.text}.${name}`);
}

/** The one statement kind bodies need. */
export function returns(value: Code): string {
  return `return ${value.text};`;
}

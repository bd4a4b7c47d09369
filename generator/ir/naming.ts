/** Identifier rules shared by every emitter: the only place names are made safe. */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with as implements interface ' +
    'let package private protected public static yield await any boolean constructor declare get module require number set ' +
    'string symbol type from of unknown never object undefined arguments eval'
  ).split(' '),
);

/**
 * Names JavaScript itself gives meaning to on any object, so a generated function, method,
 * property or type may not be one, whatever the spec says:
 * - `then`: any object with a callable `then` is a thenable. An exported function `then` makes the
 *   module namespace one, so `await import('<package>')` calls it and never resolves; a resource
 *   method `then` does the same to `await client.things`.
 * - the members of `Object.prototype` (`constructor`, `__proto__`, `toString`, `valueOf`,
 *   `hasOwnProperty`, `isPrototypeOf`, `propertyIsEnumerable`, `toLocaleString` and the legacy
 *   `__defineGetter__` family): a client or resource property that shadows one breaks `String(x)`,
 *   template literals, `util.inspect` and library code that calls them; in the CommonJS build the
 *   exports object is an ordinary object, where `exports.__proto__ = …` would even set its prototype.
 * - `toJSON`: `JSON.stringify` calls it on any object, a client or resource included.
 * - `prototype`: what a function or class is read through (inheritance helpers, `instanceof`-style
 *   checks in libraries), so no generated member takes it either.
 * Like reserved words, they get a `_` suffix (`then_`), the rule `constructor_` always followed.
 */
const JS_MEANINGFUL = new Set([
  'then', 'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'toLocaleString', 'toJSON', 'hasOwnProperty',
  'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/** Whether JavaScript gives `name` a meaning on any object (see JS_MEANINGFUL): no member may have it. */
export function isJsMeaningful(name: string): boolean {
  return JS_MEANINGFUL.has(name);
}

/** Splits `getUserSessions`, `get-user_sessions`, `GET /v1/users/{id}` and `HTTPServer` into words. */
export function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** `petstore_auth` → `PETSTORE_AUTH`, `appKey` → `APP_KEY`: for environment variables and placeholders ('' when nothing is left). */
export function screamingSnake(input: string): string {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

export function camelCase(input: string): string {
  const parts = words(input);
  return parts.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w.toLowerCase()))).join('');
}

export function pascalCase(input: string): string {
  return words(input).map((w) => capitalize(w.toLowerCase())).join('');
}

/**
 * camelCase that keeps existing inner capitals (`listSessions` stays `listSessions`, not
 * `listsessions`), used for operationIds that are already identifiers.
 */
export function preserveCamel(input: string): string {
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(input)) return input[0]!.toLowerCase() + input.slice(1);
  const parts = words(input);
  return parts.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : capitalize(w))).join('');
}

export function preservePascal(input: string): string {
  const camel = preserveCamel(input);
  return camel.length === 0 ? camel : capitalize(camel);
}

function capitalize(w: string): string {
  return w.length === 0 ? w : w[0]!.toUpperCase() + w.slice(1);
}

/** Makes any string a valid, non-reserved identifier; never returns an empty string. */
export function safeIdentifier(candidate: string, fallback = 'value'): string {
  let id = candidate.replace(/[^A-Za-z0-9_$]/g, '');
  if (id.length === 0) id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED.has(id) || JS_MEANINGFUL.has(id)) id = `${id}_`;
  return id;
}

/** Returns `base`, or `base2`, `base3`… — the first that `taken` does not hold — and records it. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

/** A stable operation name for operations without an operationId: `get /v1/users/{id}` → `getV1UsersById`. */
export function nameFromMethodAndPath(method: string, path: string): string {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      const param = /^\{(.+)\}$/.exec(s);
      return param ? `by ${param[1]}` : s;
    });
  return camelCase(`${method} ${segments.join(' ')}`) || method;
}

/**
 * A valid object property name as source text: bare when possible, quoted otherwise, and computed
 * for `__proto__`, which written plainly in an object literal sets the prototype instead.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

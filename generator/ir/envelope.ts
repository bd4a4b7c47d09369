import { decodePointerSegment } from '../json-pointer.js';
import { isObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';

/**
 * Single-object envelopes: APIs that answer `{ "data": { …the session… } }` for one object. The
 * call should resolve to the session (openai-node, stripe), the envelope staying reachable through
 * `.withResponse()`. Decided once per API, then applied to each operation whose body has that shape.
 */

/** What one operation's success body looks like, for the decision. */
export interface EnvelopeCandidate {
  /** The body is an object (not an array or a scalar): it counts toward "single-object responses". */
  isObject: boolean;
  /** The one property of a `{ P: X }` body, P required and X not a scalar; absent otherwise. */
  only?: string;
  /** The body's required properties (a config-named envelope only needs to be one of them). */
  required: string[];
}

const SCALARS = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/** Reads the shape of a success body schema (`$ref`s followed). */
export function envelopeCandidate(resolver: RefResolver, schema: unknown, pointer: string): EnvelopeCandidate {
  const { value } = resolver.deref(schema, pointer);
  if (!isObject(value)) return { isObject: false, required: [] };
  const objectLike = value.type === 'object' || (value.type === undefined && isObject(value.properties));
  if (!objectLike) return { isObject: false, required: [] };
  const required = Array.isArray(value.required) ? value.required.filter((r): r is string => typeof r === 'string') : [];
  const props = isObject(value.properties) ? Object.keys(value.properties) : [];
  // Anything that lets the body hold more than the one property means it is not a pure wrapper.
  const closed = ['allOf', 'oneOf', 'anyOf', 'patternProperties'].every((k) => value[k] === undefined) && (value.additionalProperties === undefined || value.additionalProperties === false);
  const candidate: EnvelopeCandidate = { isObject: true, required };
  const only = props[0];
  if (closed && props.length === 1 && only !== undefined && required.includes(only) && isObject(value.properties)) {
    const inner = resolver.deref(value.properties[only], `${pointer}/properties/${only}`).value;
    if (isObject(inner) && !(typeof inner.type === 'string' && SCALARS.has(inner.type))) candidate.only = only;
  }
  return candidate;
}

/**
 * The API's envelope property. The config decides when it names one (`envelope: data`) or turns
 * it off (`envelope: false`); otherwise it is the one property that wraps most single-object
 * responses, provided that is at least two of them and more than half: an API where one call
 * happens to answer `{ result: … }` keeps its bodies whole.
 */
export function chooseEnvelope(candidates: EnvelopeCandidate[], setting: string | false | undefined): string | undefined {
  if (setting === false) return undefined;
  if (setting !== undefined) return setting;
  const objects = candidates.filter((c) => c.isObject);
  const counts = new Map<string, number>();
  for (const c of objects) if (c.only !== undefined) counts.set(c.only, (counts.get(c.only) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!best || best[1] < 2 || best[1] * 2 <= objects.length) return undefined;
  return best[0];
}

/**
 * Whether an operation's body is unwrapped: detected envelopes only where the body is exactly
 * `{ P: X }`; a config-named one wherever the body requires P (other fields stay in `.withResponse()`).
 */
export function unwraps(candidate: EnvelopeCandidate, property: string, configured: boolean): boolean {
  return configured ? candidate.required.includes(property) : candidate.only === property;
}

/**
 * The component schema the call resolves to, when the body (or, for an envelope, its property)
 * is a `$ref` to one: its models.ts alias names the result in declarations and hover.
 */
export function resultSchemaName(resolver: RefResolver, schema: unknown, pointer: string, envelope: string | undefined): string | undefined {
  let target = schema;
  if (envelope !== undefined) {
    const { value } = resolver.deref(schema, pointer);
    target = isObject(value) && isObject(value.properties) ? value.properties[envelope] : undefined;
  }
  if (!isObject(target) || typeof target.$ref !== 'string') return undefined;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(target.$ref);
  return match ? decodePointerSegment(match[1]!) : undefined;
}

/**
 * Simulated vendor releases of the pinned Not AI spec, for release-invariant tests: after a
 * release that only adds, `npm run spec:release` must pass `npm test` with no test edited; after
 * a breaking one, something must fail. Every function is pure: the input document is not touched.
 *
 * Names are picked so they are new in the document they are applied to (`SessionNote`, or
 * `SessionNote2` if the vendor has shipped one since), so the helpers keep working on whatever
 * spec is pinned; `nextReleasePlan` says which names a given document gets.
 */

type Json = Record<string, unknown>;

/** What `nextRelease` adds to one document, so a test can look for each addition in the generated client. */
export interface ReleasePlan {
  /** The new `info.version`. */
  version: string;
  operation: { method: 'get'; path: string; operationId: string; tag: string };
  /** New component schemas: the list item and the response body. */
  schemas: { item: string; response: string };
  /** A new optional, nullable response field on an existing schema. */
  field: { schema: string; name: string };
  /** A new value of an existing enum (a query parameter of an existing operation). */
  enumValue: { path: string; parameter: string; value: string };
  /** An existing operation whose description changes. */
  description: { path: string; text: string };
}

/** What `breakingRelease` removes: a response field examples/list-bot-sessions.ts and the READMEs read. */
export const BREAKING_RELEASE = { field: { schema: 'PublicSession', name: 'botScore' } } as const;

/** Where the additive release attaches its additions, all in the pinned spec since 1.0.17.0. */
const ANCHORS = {
  /** Parent of the new operation, whose path parameter, tag and responses it copies. */
  parent: '/v1/sessions/{sessionId}',
  fieldSchema: 'PublicSession',
  enum: { path: '/v1/analytics', parameter: 'period' },
  described: '/v1/stats',
} as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `keys` below `root`; throws naming the path when the document is not shaped so. */
function objectAt(root: Json, ...keys: string[]): Json {
  let node: unknown = root;
  for (const key of keys) {
    node = isObject(node) ? node[key] : undefined;
    if (!isObject(node)) throw new Error(`next-spec: the spec has no object at /${keys.join('/')}`);
  }
  return node as Json;
}

/** `base`, else `base2`, `base3`, … : the first one `taken` does not hold. */
function fresh(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}

/** `1.0.17.0` → `1.0.18.0`, `2.3.4` → `2.3.5`: the third number goes up, later ones go to zero. */
export function nextSpecVersion(version: string): string {
  const parts = version.split('.');
  if (parts.length < 3 || !parts.every((p) => /^\d+$/.test(p))) throw new Error(`next-spec: cannot bump info.version "${version}"`);
  return parts.map((p, i) => (i < 2 ? p : i === 2 ? String(Number(p) + 1) : '0')).join('.');
}

function operationIds(spec: Json): Set<string> {
  const ids = new Set<string>();
  for (const item of Object.values(objectAt(spec, 'paths'))) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) if (isObject(op) && typeof op.operationId === 'string') ids.add(op.operationId);
  }
  return ids;
}

function enumParameter(spec: Json): { schema: Json; values: unknown[] } {
  const parameters = objectAt(spec, 'paths', ANCHORS.enum.path, 'get')['parameters'];
  const parameter = Array.isArray(parameters) ? parameters.find((p): p is Json => isObject(p) && p.name === ANCHORS.enum.parameter) : undefined;
  const schema = parameter?.schema;
  if (!isObject(schema) || !Array.isArray(schema.enum)) throw new Error(`next-spec: ${ANCHORS.enum.path} has no enum parameter ${ANCHORS.enum.parameter}`);
  return { schema, values: schema.enum };
}

/** The names and values `nextRelease(pinned)` uses. */
export function nextReleasePlan(pinned: Json): ReleasePlan {
  const info = objectAt(pinned, 'info');
  if (typeof info.version !== 'string') throw new Error('next-spec: the spec has no info.version');
  const paths = objectAt(pinned, 'paths');
  const schemas = objectAt(pinned, 'components', 'schemas');
  const ids = operationIds(pinned);
  const parentTags = objectAt(pinned, 'paths', ANCHORS.parent, 'get')['tags'];
  const tag = Array.isArray(parentTags) && typeof parentTags[0] === 'string' ? parentTags[0] : 'Sessions';
  const item = fresh('SessionNote', (n) => n in schemas || `${n}ListResponse` in schemas);
  const properties = objectAt(schemas, ANCHORS.fieldSchema, 'properties');
  const { values } = enumParameter(pinned);
  const described = objectAt(pinned, 'paths', ANCHORS.described, 'get');
  const text = "Returns high-level counters for the caller's integration: sessions, users and events recorded so far.";
  return {
    version: nextSpecVersion(info.version),
    operation: {
      method: 'get',
      path: fresh(`${ANCHORS.parent}/notes`, (p) => p in paths),
      operationId: fresh('listSessionNotes', (id) => ids.has(id)),
      tag,
    },
    schemas: { item, response: `${item}ListResponse` },
    field: { schema: ANCHORS.fieldSchema, name: fresh('referrerUrl', (n) => n in properties) },
    enumValue: { ...ANCHORS.enum, value: fresh('365d', (v) => values.includes(v)) },
    description: { path: ANCHORS.described, text: described.description === text ? `${text} Updated hourly.` : text },
  };
}

/**
 * The pinned spec's next release, which only adds: `info.version` bumped, one operation (with two
 * new component schemas), one optional response field, one enum value, one changed description.
 * A client generated from it must keep every name, type and behaviour it had, and gain the rest.
 */
export function nextRelease(pinned: Json): Json {
  const plan = nextReleasePlan(pinned);
  const next = structuredClone(pinned);
  objectAt(next, 'info').version = plan.version;

  const schemas = objectAt(next, 'components', 'schemas');
  schemas[plan.schemas.item] = {
    description: 'A note an integration member left on a session in the dashboard.',
    properties: {
      author: { description: 'Display name of the note author, or null if the member was deleted.', type: ['string', 'null'] },
      createdAt: { description: 'When the note was written.', format: 'date-time', type: 'string' },
      id: { description: 'Note id.', type: 'string' },
      text: { description: 'Text of the note (plain text, at most 2,000 characters).', type: 'string' },
    },
    required: ['id', 'text'],
    type: 'object',
  };
  schemas[plan.schemas.response] = {
    description: `Payload of ${plan.schemas.response}: every note left on one session, oldest first.`,
    properties: {
      data: { description: 'Notes of the session.', items: { $ref: `#/components/schemas/${plan.schemas.item}` }, type: 'array' },
    },
    required: ['data'],
    type: 'object',
  };

  // Path parameter, tier header and error responses as the parent operation (getSession) has them.
  const parent = objectAt(next, 'paths', ANCHORS.parent, 'get');
  const responses = objectAt(parent, 'responses');
  const parameters = Array.isArray(parent.parameters) ? parent.parameters.filter((p) => isObject(p) && p.in === 'path') : [];
  if (parameters.length === 0) throw new Error(`next-spec: ${ANCHORS.parent} has no path parameter to copy`);
  const errors = Object.fromEntries(Object.entries(responses).filter(([status]) => status === '401' || status === '404'));
  objectAt(next, 'paths')[plan.operation.path] = {
    [plan.operation.method]: structuredClone({
      description: 'Lists the notes integration members left on one session in the dashboard, oldest first. Not paginated: a session holds at most 100 notes.',
      operationId: plan.operation.operationId,
      parameters,
      responses: {
        '200': {
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${plan.schemas.response}` } } },
          description: 'The notes of the session.',
          ...(isObject(responses['200']) && responses['200'].headers !== undefined ? { headers: responses['200'].headers } : {}),
        },
        ...errors,
      },
      summary: 'List the notes of a session',
      tags: [plan.operation.tag],
    }),
  };

  objectAt(schemas, plan.field.schema, 'properties')[plan.field.name] = {
    description: 'URL of the page that referred the visitor to the session page, if known.',
    type: ['string', 'null'],
  };

  const { schema, values } = enumParameter(next);
  schema.enum = [...values, plan.enumValue.value];

  objectAt(next, 'paths', plan.description.path, 'get').description = plan.description.text;
  return next;
}

/** The pinned spec's next release with one breaking change: a response field the examples read is removed. */
export function breakingRelease(pinned: Json): Json {
  const info = objectAt(pinned, 'info');
  if (typeof info.version !== 'string') throw new Error('next-spec: the spec has no info.version');
  const next = structuredClone(pinned);
  objectAt(next, 'info').version = nextSpecVersion(info.version);
  const { schema, name } = BREAKING_RELEASE.field;
  const target = objectAt(next, 'components', 'schemas', schema);
  const properties = objectAt(target, 'properties');
  if (!(name in properties)) throw new Error(`next-spec: ${schema} has no ${name} to remove`);
  delete properties[name];
  if (Array.isArray(target.required)) target.required = target.required.filter((r) => r !== name);
  return next;
}

/**
 * Every rule of the diff, in one table (oasdiff's `checker/rules.go` is the model): its stable
 * kebab-case id (the `kind` users key off), level, the spec its pointer names (`old` for
 * removals), a one-line description for `docs/diff-rules.md`, and the message builder. Walkers
 * emit by id and parameters; the level, side and wording come from here. The id union `RuleId` is
 * derived from this table, so an id that is not in it does not compile.
 *
 * Schema rules come in families: one suffix (`type-changed`) under each place a schema sits
 * (`request-body`, `request-parameter`, `request-property`, `response-body`, `response-header`,
 * `response-property`), with a level per direction. The client writes requests and reads
 * responses, so narrowing a request breaks it and widening a response can.
 */
import { code } from './json.js';
import type { ChangeLevel, ChangeSide } from './types.js';

export type RuleSection = 'operation' | 'parameter' | 'request-body' | 'response' | 'schema' | 'security' | 'server' | 'component' | 'docs' | 'client';

export interface Rule<P> {
  readonly section: RuleSection;
  readonly level: ChangeLevel;
  readonly side: ChangeSide;
  /** One line for the rules page. */
  readonly description: string;
  readonly message: (params: P) => string;
}

type NoParams = Record<never, never>;

function rule<P = NoParams>(section: RuleSection, level: ChangeLevel, side: ChangeSide, description: string, message: (params: P) => string): Rule<P> {
  return { section, level, side, description, message };
}

// ── schema families ──────────────────────────────────────────────────────────────────────────

export const REQUEST_ROOTS = ['request-body', 'request-parameter'] as const;
export const RESPONSE_ROOTS = ['response-body', 'response-header'] as const;
export type RequestRoot = (typeof REQUEST_ROOTS)[number];
export type ResponseRoot = (typeof RESPONSE_ROOTS)[number];
export type SchemaRoot = RequestRoot | ResponseRoot;
export type RequestPrefix = RequestRoot | 'request-property';
export type ResponsePrefix = ResponseRoot | 'response-property';
export type SchemaPrefix = RequestPrefix | ResponsePrefix;
export type PropertyPrefix = 'request-property' | 'response-property';

const REQUEST: readonly RequestPrefix[] = ['request-body', 'request-parameter', 'request-property'];
const RESPONSE: readonly ResponsePrefix[] = ['response-body', 'response-header', 'response-property'];
const ALL = [...REQUEST, ...RESPONSE] as const;
const PROPERTY = ['request-property', 'response-property'] as const;

export function isRequestPrefix(prefix: SchemaPrefix): prefix is RequestPrefix {
  return prefix.startsWith('request-');
}

/** What the docs call the schema each prefix names. */
const NOUN: Record<SchemaPrefix, string> = {
  'request-body': 'request body root schema',
  'request-parameter': 'parameter schema',
  'request-property': 'request property',
  'response-body': 'response body root schema',
  'response-header': 'response header schema',
  'response-property': 'response property',
};

/** A level per direction: requests are written by the client, responses read by it. */
type Levels = { request: ChangeLevel; response: ChangeLevel };
/** Fewer values are valid: breaks what the client sends. */
const NARROW: Levels = { request: 'breaking', response: 'non-breaking' };
/** More values are valid: the client may receive what its types do not say (types: breaking). */
const WIDEN_TYPE: Levels = { request: 'non-breaking', response: 'breaking' };
/** More values are valid, for a constraint TypeScript does not carry: a warning for responses. */
const WIDEN: Levels = { request: 'non-breaking', response: 'warning' };
const both = (level: ChangeLevel): Levels => ({ request: level, response: level });

interface FamilySpec<P> {
  levels: Levels;
  side?: ChangeSide;
  description: (noun: string, direction: 'request' | 'response') => string;
  message: (params: P) => string;
}

function family<const Ps extends readonly SchemaPrefix[], const S extends string, P>(prefixes: Ps, suffix: S, spec: FamilySpec<P>): Record<`${Ps[number]}-${S}`, Rule<P>> {
  const out: Record<string, Rule<P>> = {};
  for (const prefix of prefixes) {
    const direction = isRequestPrefix(prefix) ? 'request' : 'response';
    out[`${prefix}-${suffix}`] = rule('schema', spec.levels[direction], spec.side ?? 'new', spec.description(NOUN[prefix], direction), spec.message);
  }
  return out as Record<`${Ps[number]}-${S}`, Rule<P>>;
}

interface Subject {
  /** Names the schema where the change happened: `Response property \`Pet.name\``. */
  subject: string;
}
interface FromTo extends Subject {
  from: string;
  to: string;
}
interface Values extends Subject {
  /** Already formatted as inline code. */
  values: string[];
}
interface Format extends Subject {
  format: string;
  /** What the change risks, when it is not breaking. */
  risk?: string;
}

const plural = (values: string[]): string => `${values.length === 1 ? 'value' : 'values'} ${values.join(', ')}`;
const withRisk = (text: string, risk: string | undefined): string => (risk ? `${text}: ${risk}` : text);

/** `max`, `min-length`, …: four rules each (increased, decreased, added, removed). */
function bounds<const S extends string>(slug: S, label: string, upper: boolean) {
  const bigger = upper ? WIDEN : NARROW;
  const smaller = upper ? NARROW : WIDEN;
  const what = upper ? 'upper' : 'lower';
  return {
    ...family(ALL, `${slug}-increased`, {
      levels: bigger,
      description: (noun) => `The ${noun}'s ${label} increased (${upper ? 'more' : 'fewer'} values are valid).`,
      message: (p: FromTo) => `${p.subject}: ${label} increased from ${p.from} to ${p.to}`,
    }),
    ...family(ALL, `${slug}-decreased`, {
      levels: smaller,
      description: (noun) => `The ${noun}'s ${label} decreased (${upper ? 'fewer' : 'more'} values are valid).`,
      message: (p: FromTo) => `${p.subject}: ${label} decreased from ${p.from} to ${p.to}`,
    }),
    ...family(ALL, `${slug}-added`, {
      levels: NARROW,
      description: (noun) => `The ${noun} gained a ${label} (a new ${what} bound).`,
      message: (p: Subject & { value: string }) => `${p.subject}: ${label} ${p.value} added`,
    }),
    ...family(ALL, `${slug}-removed`, {
      levels: WIDEN,
      description: (noun) => `The ${noun} lost its ${label} (no ${what} bound any more).`,
      message: (p: Subject & { value: string }) => `${p.subject}: ${label} ${p.value} removed`,
    }),
  };
}

const SCHEMA_RULES = {
  ...family(ALL, 'type-changed', {
    levels: both('breaking'),
    description: (noun) => `The ${noun}'s JSON type changed, neither a pure widening nor a pure narrowing: the TypeScript type changes.`,
    message: (p: FromTo) => `${p.subject} type changed from ${p.from} to ${p.to}`,
  }),
  ...family(REQUEST, 'type-widened', {
    levels: both('non-breaking'),
    description: (noun) => `The ${noun} accepts more JSON types (e.g. \`integer\` → \`number\`): what the client sent is still valid.`,
    message: (p: FromTo) => `${p.subject} type changed from ${p.from} to ${p.to}`,
  }),
  ...family(RESPONSE, 'type-narrowed', {
    levels: both('non-breaking'),
    description: (noun) => `The ${noun} has fewer JSON types (e.g. \`number\` → \`integer\`): what the client reads is still of its type.`,
    message: (p: FromTo) => `${p.subject} type changed from ${p.from} to ${p.to}`,
  }),
  ...family(ALL, 'became-nullable', {
    levels: WIDEN_TYPE,
    description: (noun, direction) => `The ${noun} became nullable${direction === 'response' ? ': code reading it must now handle `null`' : ''}.`,
    message: (p: Subject) => `${p.subject} became nullable`,
  }),
  ...family(ALL, 'became-not-nullable', {
    levels: NARROW,
    description: (noun, direction) => `The ${noun} no longer admits \`null\`${direction === 'request' ? ': a client sending `null` breaks' : ''}.`,
    message: (p: Subject) => `${p.subject} became non-nullable`,
  }),
  ...family(ALL, 'format-changed', {
    levels: both('warning'),
    description: (noun) => `The ${noun}'s \`format\` changed (e.g. \`int32\` → \`int64\`); the TypeScript type does not, the message says what it risks.`,
    message: (p: FromTo & { risk?: string }) => withRisk(`${p.subject} format changed from ${p.from} to ${p.to}`, p.risk),
  }),
  ...family(ALL, 'format-added', {
    levels: { request: 'warning', response: 'non-breaking' },
    description: (noun, direction) =>
      direction === 'request' ? `The ${noun} gained a \`format\`: the server may reject values the client sent before (the TypeScript type is unchanged).` : `The ${noun} gained a \`format\`: what the client reads is narrower.`,
    message: (p: Format) => withRisk(`${p.subject} now has format ${code(p.format)}`, p.risk),
  }),
  ...family(ALL, 'format-removed', {
    levels: { request: 'non-breaking', response: 'warning' },
    description: (noun, direction) =>
      direction === 'response' ? `The ${noun} lost its \`format\`: code that parses the value in that format may fail (the TypeScript type is unchanged).` : `The ${noun} lost its \`format\`: more values are accepted.`,
    message: (p: Format) => withRisk(`${p.subject} no longer has format ${code(p.format)}`, p.risk),
  }),
  ...family(ALL, 'enum-value-removed', {
    levels: both('breaking'),
    description: (noun) => `A value was removed from the ${noun}'s \`enum\`: the literal union loses a member.`,
    message: (p: Values) => `${p.subject}: enum ${plural(p.values)} removed`,
  }),
  ...family(ALL, 'enum-value-added', {
    levels: WIDEN,
    description: (noun, direction) => `A value was added to the ${noun}'s \`enum\`${direction === 'response' ? ': old clients may not handle it' : ''}.`,
    message: (p: Values) => `${p.subject}: enum ${plural(p.values)} added`,
  }),
  ...family(ALL, 'enum-constraint-added', {
    levels: { request: 'breaking', response: 'warning' },
    description: (noun, direction) =>
      direction === 'request' ? `The ${noun} is now restricted to an \`enum\`: every other value the client sent is rejected.` : `The ${noun} is now restricted to an \`enum\`: comparisons against other literals may stop compiling.`,
    message: (p: Values) => `${p.subject} is now restricted to ${p.values.join(', ')}`,
  }),
  ...family(ALL, 'enum-constraint-removed', {
    levels: WIDEN,
    description: (noun) => `The ${noun} is no longer restricted to an \`enum\`.`,
    message: (p: Values) => `${p.subject} is no longer restricted to ${p.values.join(', ')}`,
  }),
  ...bounds('max', 'maximum', true),
  ...bounds('min', 'minimum', false),
  ...bounds('max-length', 'maxLength', true),
  ...bounds('min-length', 'minLength', false),
  ...bounds('max-items', 'maxItems', true),
  ...bounds('min-items', 'minItems', false),
  ...family(ALL, 'pattern-changed', {
    levels: both('warning'),
    description: (noun) => `The ${noun}'s \`pattern\` changed (whether one regular expression admits more than another is undecidable).`,
    message: (p: FromTo) => `${p.subject}: pattern changed from ${p.from} to ${p.to}`,
  }),
  ...family(ALL, 'pattern-added', {
    levels: NARROW,
    description: (noun) => `The ${noun} gained a \`pattern\`.`,
    message: (p: Subject & { pattern: string }) => `${p.subject}: pattern ${p.pattern} added`,
  }),
  ...family(ALL, 'pattern-removed', {
    levels: WIDEN,
    description: (noun) => `The ${noun} lost its \`pattern\`.`,
    message: (p: Subject & { pattern: string }) => `${p.subject}: pattern ${p.pattern} removed`,
  }),
  ...family(REQUEST, 'default-changed', {
    levels: both('warning'),
    description: (noun) => `The ${noun}'s \`default\` changed: a client that omits the value gets another behaviour.`,
    message: (p: FromTo) => `${p.subject} default changed from ${p.from} to ${p.to}`,
  }),
  ...family(PROPERTY, 'deprecated', {
    levels: both('warning'),
    description: (noun) => `A ${noun} was deprecated.`,
    message: (p: Subject) => `${p.subject} was deprecated`,
  }),
  ...family(PROPERTY, 'undeprecated', {
    levels: both('non-breaking'),
    description: (noun) => `A ${noun} is no longer deprecated.`,
    message: (p: Subject) => `${p.subject} is no longer deprecated`,
  }),
  ...family(ALL, 'union-branch-removed', {
    levels: both('breaking'),
    side: 'old',
    description: (noun) => `A \`oneOf\`/\`anyOf\` member of the ${noun} was removed.`,
    message: (p: Subject & { branch: string }) => `${p.subject}: union member ${p.branch} removed`,
  }),
  ...family(ALL, 'union-branch-added', {
    levels: WIDEN,
    description: (noun, direction) => `A \`oneOf\`/\`anyOf\` member was added to the ${noun}${direction === 'response' ? ': old clients may not handle it' : ''}.`,
    message: (p: Subject & { branch: string }) => `${p.subject}: union member ${p.branch} added`,
  }),
  ...family(PROPERTY, 'removed', {
    levels: both('breaking'),
    side: 'old',
    description: (noun, direction) =>
      direction === 'request'
        ? `A ${noun} was removed: object literals that still set it stop compiling (excess property check).`
        : `A ${noun} was removed: code reading it stops compiling.`,
    message: (p: Subject) => `${p.subject} was removed`,
  }),
  ...family(PROPERTY, 'added', {
    levels: both('non-breaking'),
    description: (noun, direction) => (direction === 'request' ? `An optional ${noun} was added.` : `A ${noun} was added.`),
    message: (p: Subject) => `${p.subject} was added`,
  }),
  ...family(PROPERTY, 'became-required', {
    levels: NARROW,
    description: (noun, direction) => `A ${noun} became required${direction === 'request' ? ': callers that omit it break' : ''}.`,
    message: (p: Subject) => `${p.subject} became required`,
  }),
  ...family(PROPERTY, 'became-optional', {
    levels: WIDEN_TYPE,
    description: (noun, direction) => `A ${noun} became optional${direction === 'response' ? ': code reading it must now handle `undefined`' : ''}.`,
    message: (p: Subject) => `${p.subject} became optional`,
  }),
  'new-required-request-property': rule<Subject>('schema', 'breaking', 'new', 'A required request property was added: callers that do not set it break.', (p) => `${p.subject} was added as required`),
};

// ── everything else in the spec ──────────────────────────────────────────────────────────────

type DocsChange = Subject & { change: 'added' | 'changed' | 'removed' };
interface Parameter {
  location: string;
  name: string;
}
interface Status {
  status: string;
}
interface Media extends Status {
  mediaType: string;
}
interface Header extends Status {
  name: string;
}
interface Requirement {
  /** Undefined for anonymous access (an empty requirement, or no security at all). */
  requirement?: string;
}
interface Scopes {
  requirement: string;
  /** Already formatted: `` `write:pets` ``, with its scheme when the requirement has several. */
  scopes: string[];
}

const SPEC_RULES = {
  'server-removed': rule<{ url: string }>('server', 'breaking', 'old', 'A root server URL was removed: clients configured for it stop working.', (p) => `Server ${code(p.url)} was removed`),
  'server-added': rule<{ url: string }>('server', 'non-breaking', 'new', 'A root server URL was added.', (p) => `Server ${code(p.url)} was added`),

  'security-scheme-removed': rule<{ name: string }>('security', 'breaking', 'old', 'A security scheme was removed.', (p) => `Security scheme ${code(p.name)} was removed`),
  'security-scheme-added': rule<{ name: string }>('security', 'non-breaking', 'new', 'A security scheme was added.', (p) => `Security scheme ${code(p.name)} was added`),
  'security-scheme-changed': rule<{ name: string }>(
    'security',
    'breaking',
    'new',
    'A security scheme changed how credentials are sent (type, scheme, header or query name, flows, URLs).',
    (p) => `Security scheme ${code(p.name)} changed how credentials are sent`,
  ),
  'security-requirement-removed': rule<Requirement>(
    'security',
    'breaking',
    'old',
    "An alternative of an operation's security requirement was removed (removing anonymous access means it now needs credentials).",
    (p) => (p.requirement === undefined ? 'Anonymous access was removed: the operation now requires credentials' : `Security requirement ${p.requirement} was removed`),
  ),
  'security-requirement-added': rule<Requirement>('security', 'non-breaking', 'new', "An alternative was added to an operation's security requirement.", (p) =>
    p.requirement === undefined ? 'Anonymous access was added: credentials became optional' : `Security requirement ${p.requirement} was added as an alternative`,
  ),
  'security-requirement-scopes-added': rule<Scopes>(
    'security',
    'warning',
    'new',
    "An OAuth requirement of an operation asks for more scopes: the client's token may need them.",
    (p) => `Security requirement ${p.requirement} now also needs ${p.scopes.length === 1 ? 'scope' : 'scopes'} ${p.scopes.join(', ')}: the client's token may need ${p.scopes.length === 1 ? 'it' : 'them'}`,
  ),
  'security-requirement-scopes-removed': rule<Scopes>(
    'security',
    'non-breaking',
    'new',
    'An OAuth requirement of an operation asks for fewer scopes.',
    (p) => `Security requirement ${p.requirement} no longer needs ${p.scopes.length === 1 ? 'scope' : 'scopes'} ${p.scopes.join(', ')}`,
  ),

  'component-schema-removed': rule<{ name: string }>('component', 'breaking', 'old', 'A component schema was removed: its exported model type goes away.', (p) => `Schema ${code(p.name)} was removed (its exported model type goes away)`),
  'component-schema-added': rule<{ name: string }>('component', 'non-breaking', 'new', 'A component schema was added (a new exported model type).', (p) => `Schema ${code(p.name)} was added`),
  'component-schema-deprecated': rule<{ name: string }>('component', 'warning', 'new', 'A component schema was deprecated.', (p) => `Schema ${code(p.name)} was deprecated`),
  'component-schema-undeprecated': rule<{ name: string }>('component', 'non-breaking', 'new', 'A component schema is no longer deprecated.', (p) => `Schema ${code(p.name)} is no longer deprecated`),

  'operation-removed': rule<{ deprecated: boolean }>('operation', 'breaking', 'old', 'An operation (method + path) was removed: its generated function and method go away.', (p) =>
    p.deprecated ? 'Operation was removed (it was deprecated)' : 'Operation was removed',
  ),
  'operation-added': rule('operation', 'non-breaking', 'new', 'An operation was added.', () => 'Operation was added'),
  'operation-id-changed': rule<{ from?: string; to?: string }>(
    'operation',
    'breaking',
    'new',
    'The operationId changed: the generated function, its type aliases and config overrides are named after it.',
    (p) => `operationId changed from ${p.from === undefined ? 'none' : code(p.from)} to ${p.to === undefined ? 'none' : code(p.to)} (the generated function and type names follow it)`,
  ),
  'operation-deprecated': rule('operation', 'warning', 'new', 'An operation was deprecated.', () => 'Operation was deprecated'),
  'operation-undeprecated': rule('operation', 'non-breaking', 'new', 'An operation is no longer deprecated.', () => 'Operation is no longer deprecated'),

  'new-required-request-parameter': rule<Parameter>('parameter', 'breaking', 'new', 'A required parameter (or any path parameter) was added: existing calls lack it.', (p) => `New required ${p.location} parameter ${code(p.name)}`),
  'request-parameter-added': rule<Parameter>('parameter', 'non-breaking', 'new', 'An optional parameter was added.', (p) => `New optional ${p.location} parameter ${code(p.name)}`),
  'request-parameter-removed': rule<Subject>('parameter', 'breaking', 'old', 'A parameter was removed: calls that pass it stop compiling.', (p) => `${p.subject} was removed`),
  'path-parameter-renamed': rule<{ from: string; to: string }>('parameter', 'non-breaking', 'new', 'A path parameter was renamed at the same position: positional arguments are unaffected.', (p) =>
    `Path parameter ${code(p.from)} was renamed to ${code(p.to)} (same position; positional arguments are unaffected)`,
  ),
  'request-parameter-became-required': rule<Subject>('parameter', 'breaking', 'new', 'An optional parameter became required.', (p) => `${p.subject} became required`),
  'request-parameter-became-optional': rule<Subject>('parameter', 'non-breaking', 'new', 'A required parameter became optional.', (p) => `${p.subject} became optional`),
  'request-parameter-deprecated': rule<Subject>('parameter', 'warning', 'new', 'A parameter was deprecated.', (p) => `${p.subject} was deprecated`),
  'request-parameter-undeprecated': rule<Subject>('parameter', 'non-breaking', 'new', 'A parameter is no longer deprecated.', (p) => `${p.subject} is no longer deprecated`),
  'request-parameter-style-changed': rule<FromTo>('parameter', 'breaking', 'new', "A parameter's serialization (`style`, `explode`) changed: the server reads the old spelling differently.", (p) =>
    `${p.subject} serialization changed from ${p.from} to ${p.to}`,
  ),

  'new-required-request-body': rule('request-body', 'breaking', 'new', 'A required request body was added.', () => 'A required request body was added'),
  'request-body-added': rule('request-body', 'non-breaking', 'new', 'An optional request body was added.', () => 'An optional request body was added'),
  'request-body-removed': rule('request-body', 'breaking', 'old', 'The request body was removed.', () => 'The request body was removed'),
  'request-body-became-required': rule('request-body', 'breaking', 'new', 'The request body became required.', () => 'The request body became required'),
  'request-body-became-optional': rule('request-body', 'non-breaking', 'new', 'The request body became optional.', () => 'The request body became optional'),
  'request-body-media-type-removed': rule<{ mediaType: string }>('request-body', 'breaking', 'old', 'A request body media type was removed.', (p) => `Request body media type ${code(p.mediaType)} was removed`),
  'request-body-media-type-added': rule<{ mediaType: string }>('request-body', 'non-breaking', 'new', 'A request body media type was added.', (p) => `Request body media type ${code(p.mediaType)} was added`),

  'response-success-status-removed': rule<Status>('response', 'breaking', 'old', 'A 2xx response was removed.', (p) => `Success response ${p.status} was removed`),
  'response-success-status-added': rule<Status>('response', 'non-breaking', 'new', 'A 2xx response was added.', (p) => `New success response ${p.status}`),
  'response-error-status-removed': rule<Status>('response', 'non-breaking', 'old', 'An error (non-2xx or `default`) response was removed: the server stops sending it.', (p) => `Error response ${p.status} was removed`),
  'response-error-status-added': rule<Status>('response', 'non-breaking', 'new', 'An error (non-2xx or `default`) response was added: the client already throws on unknown statuses.', (p) => `New error response ${p.status}`),
  'response-media-type-removed': rule<Media>('response', 'breaking', 'old', 'A media type was removed from a 2xx response.', (p) => `Response ${p.status} media type ${code(p.mediaType)} was removed`),
  'response-error-media-type-removed': rule<Media>(
    'response',
    'non-breaking',
    'old',
    'A media type was removed from an error response: like removing that error, the server stops sending it.',
    (p) => `Error response ${p.status} media type ${code(p.mediaType)} was removed`,
  ),
  'response-media-type-added': rule<Media>('response', 'non-breaking', 'new', 'A media type was added to a response.', (p) => `Response ${p.status} media type ${code(p.mediaType)} was added`),
  'response-header-removed': rule<Header>('response', 'breaking', 'old', 'A response header was removed.', (p) => `Response header ${code(p.name)} (${p.status}) was removed`),
  'response-header-added': rule<Header>('response', 'non-breaking', 'new', 'A response header was added.', (p) => `Response header ${code(p.name)} (${p.status}) was added`),
  'response-header-became-required': rule<Subject>('response', 'non-breaking', 'new', 'A response header became required.', (p) => `${p.subject} became required`),
  'response-header-became-optional': rule<Subject>('response', 'breaking', 'new', 'A response header became optional: code reading it must handle its absence.', (p) => `${p.subject} became optional`),
  'response-header-deprecated': rule<Subject>('response', 'warning', 'new', 'A response header was deprecated.', (p) => `${p.subject} was deprecated`),

  'docs-description-changed': rule<DocsChange>('docs', 'non-breaking', 'new', 'A description was added, changed or removed (documentation only).', (p) => `${p.subject}: description ${p.change}`),
  'docs-summary-changed': rule<DocsChange>('docs', 'non-breaking', 'new', "An operation's summary was added, changed or removed (documentation only).", (p) => `${p.subject}: summary ${p.change}`),
  'docs-title-changed': rule<DocsChange>('docs', 'non-breaking', 'new', 'A title was added, changed or removed (documentation only).', (p) => `${p.subject}: title ${p.change}`),
  'docs-example-changed': rule<DocsChange>('docs', 'non-breaking', 'new', 'Examples were added, changed or removed (documentation only).', (p) => `${p.subject}: examples ${p.change}`),
};

// ── the generated client's public surface ────────────────────────────────────────────────────

interface Symbolic {
  /** `getPet`, `NotAi.pets.get`. */
  symbol: string;
}
interface Renamed {
  from: string;
  to: string;
}
interface Exported extends Symbolic {
  /** `function`, `class`, `type`, … */
  what: string;
}
interface Detail extends Symbolic {
  detail: string;
}

const CLIENT_RULES = {
  'export-removed': rule<Exported>('client', 'breaking', 'old', 'An export of the generated package was removed: imports of it stop compiling.', (p) => `Export ${code(p.symbol)} (${p.what}) was removed`),
  'export-added': rule<Exported>('client', 'non-breaking', 'new', 'An export was added to the generated package.', (p) => `Export ${code(p.symbol)} (${p.what}) was added`),
  'export-renamed': rule<Renamed & { what: string }>(
    'client',
    'breaking',
    'old',
    'An export was removed and another of the same kind and shape added: a rename, which breaks imports of the old name.',
    (p) => `${capitalise(p.what)} renamed ${code(p.from)} → ${code(p.to)}`,
  ),
  'export-kind-changed': rule<Symbolic & Renamed>('client', 'breaking', 'new', 'An export changed kind (e.g. a class became a type): uses of the old kind stop compiling.', (p) =>
    `Export ${code(p.symbol)} changed from a ${p.from} to a ${p.to}`,
  ),
  'export-type-changed': rule<Symbolic>(
    'client',
    'non-breaking',
    'new',
    'An exported type alias, interface or constant now has another type (the spec rules judge what changed in it).',
    (p) => `Type of ${code(p.symbol)} changed`,
  ),
  'function-signature-incompatible': rule<Detail>(
    'client',
    'breaking',
    'new',
    'An exported function rejects a call the old one accepted (a parameter removed, made required or narrowed, a new required parameter), or returns what the old return type does not allow.',
    (p) => `Function ${code(p.symbol)}: ${p.detail}`,
  ),
  'function-signature-changed': rule<Detail>('client', 'non-breaking', 'new', 'An exported function signature changed compatibly (e.g. a new optional parameter).', (p) => `Function ${code(p.symbol)}: ${p.detail}`),
  'method-removed': rule<Symbolic>('client', 'breaking', 'old', 'A public method of an exported class, or of a resource reachable from the client, was removed.', (p) => `Method ${code(p.symbol)} was removed`),
  'method-added': rule<Symbolic>('client', 'non-breaking', 'new', 'A public method was added.', (p) => `Method ${code(p.symbol)} was added`),
  'method-renamed': rule<Renamed>('client', 'breaking', 'old', 'A public method was removed and one with a compatible signature added beside it: a rename (e.g. a config `method` override).', (p) =>
    `Method renamed ${code(p.from)} → ${code(p.to)}`,
  ),
  'method-signature-incompatible': rule<Detail>(
    'client',
    'breaking',
    'new',
    'A public method rejects a call the old one accepted, or returns what the old return type does not allow.',
    (p) => `Method ${code(p.symbol)}: ${p.detail}`,
  ),
  'method-signature-changed': rule<Detail>('client', 'non-breaking', 'new', 'A public method signature changed compatibly.', (p) => `Method ${code(p.symbol)}: ${p.detail}`),
  'property-removed': rule<Symbolic>('client', 'breaking', 'old', 'A public property of an exported class (a resource of the client, say) was removed.', (p) => `Property ${code(p.symbol)} was removed`),
  'property-added': rule<Symbolic>('client', 'non-breaking', 'new', 'A public property was added.', (p) => `Property ${code(p.symbol)} was added`),
  'property-renamed': rule<Renamed>('client', 'breaking', 'old', 'A public property was removed and one of the same shape added beside it: a rename (e.g. a config `resource` override).', (p) =>
    `Property renamed ${code(p.from)} → ${code(p.to)}`,
  ),
  'property-type-incompatible': rule<Detail>('client', 'breaking', 'new', "A public property's new type is not assignable to its old one.", (p) => `Property ${code(p.symbol)}: ${p.detail}`),
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The table. Its keys are the rule ids (`kind` in reports). */
export const RULES = { ...SPEC_RULES, ...SCHEMA_RULES, ...CLIENT_RULES };

export type RuleId = keyof typeof RULES;
export type SpecRuleId = keyof typeof SPEC_RULES | keyof typeof SCHEMA_RULES;
export type ClientRuleId = keyof typeof CLIENT_RULES;
/** The parameters a rule's message needs. */
export type ParamsOf<R extends RuleId> = (typeof RULES)[R] extends Rule<infer P> ? P : never;

/** One row, typed by its id (the table holds rules of many parameter types). */
export function ruleOf<R extends RuleId>(id: R): Rule<ParamsOf<R>> {
  return RULES[id] as Rule<ParamsOf<R>>;
}

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

// ── the rules page ───────────────────────────────────────────────────────────────────────────

const SECTIONS: readonly { section: RuleSection; heading: string; intro: string }[] = [
  { section: 'operation', heading: 'Operations', intro: 'Operations are matched by method and path (parameter names ignored).' },
  { section: 'parameter', heading: 'Parameters', intro: 'Path parameters are matched by position, the others by location and name.' },
  { section: 'request-body', heading: 'Request bodies', intro: '' },
  { section: 'response', heading: 'Responses', intro: 'Responses are matched by status (`2xx` ≡ `2XX`); `default` counts as an error.' },
  {
    section: 'schema',
    heading: 'Schemas',
    intro:
      'Each schema rule applies where a schema sits: `request-body`, `request-parameter` and `response-body`, `response-header` (the root value), `request-property` and `response-property` (anything at or below an object property). Schemas are compared after following `$ref`, flattening `allOf` and reading either nullability spelling as one.',
  },
  { section: 'security', heading: 'Security', intro: '' },
  { section: 'server', heading: 'Servers', intro: '' },
  { section: 'component', heading: 'Components', intro: 'What a component contains is compared where operations use it, and reported once at its pointer.' },
  { section: 'docs', heading: 'Documentation', intro: 'Documentation-only changes never raise the verdict above `patch`.' },
  {
    section: 'client',
    heading: 'Generated client',
    intro: "Rules of the surface diff (`generator/release/surface-diff.ts`), which compares the public exports of two generated packages with the TypeScript checker; their `side` names the package, not a spec.",
  },
];

/** `docs/diff-rules.md`: every rule, by section, sorted by id. */
export function rulesMarkdown(): string {
  const rows = Object.entries(RULES) as [RuleId, Rule<never>][];
  const lines = [
    '# Diff rules',
    '',
    '<!-- Generated from generator/diff/rules.ts by `npx tsx scripts/diff-rules-doc.ts`; test/diff/rules-table.test.ts fails when it is stale. -->',
    '',
    'Every change `notai-codegen diff` reports has one of these ids as its `kind`, at the level given here, from the point of view of a client generated from the old spec: **breaking** (major), **warning** (minor: the client may need attention), **non-breaking** (minor), and `docs-*` (patch). `side` says which spec the change’s pointer names: `old` for removals, `new` otherwise.',
  ];
  for (const { section, heading, intro } of SECTIONS) {
    const ids = rows.filter(([, r]) => r.section === section).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    lines.push('', `## ${heading}`, '');
    if (intro) lines.push(intro, '');
    lines.push('| id | level | side | description |', '| --- | --- | --- | --- |');
    for (const [id, r] of ids) lines.push(`| \`${id}\` | ${r.level} | ${r.side} | ${r.description.replace(/\|/g, '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}

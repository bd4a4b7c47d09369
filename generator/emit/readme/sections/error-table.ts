/** README section part. The table of error classes, rendered from ir/error-classes.ts. */
import { ERROR_CLASSES, type ErrorClassInfo, type ErrorClassName } from '../../../ir/error-classes.js';
import type { ApiIR } from '../../../ir/types.js';

/**
 * What a repeating position is called in each style that can repeat one: offsets and page numbers
 * are computed by the client, so only a server-given cursor or `Link` URL can lead back into a walk.
 */
function loopingPosition(ir: ApiIR): string | undefined {
  const styles = new Set(ir.pagingStyles.map((p) => p.style));
  const names = [...(styles.has('cursor') ? ['a pagination cursor'] : []), ...(styles.has('link') ? ['a next-page link'] : [])];
  return names.length > 0 ? names.join(' or ') : undefined;
}

/** The "when" column: the one thing that is prose, keyed by class so a new class cannot go without it. */
function whenText(ir: ApiIR): Record<ErrorClassName, string> {
  const loop = loopingPosition(ir);
  return {
    ClientError: 'base class of everything below; also thrown for a bad option or a missing/malformed key (before any request)',
    APIError: 'the server answered with a non-2xx status',
    BadRequestError: '',
    AuthenticationError: '',
    PermissionDeniedError: '',
    NotFoundError: '',
    ConflictError: '',
    UnprocessableEntityError: '',
    RateLimitError: '',
    InternalServerError: '',
    APIConnectionError: 'no complete response (DNS, refused, reset, body cut off)',
    APITimeoutError: 'an attempt timed out, or the deadline ran out',
    APIUserAbortError: 'your `AbortSignal` fired',
    InvalidResponseError: `a 2xx response whose body is not what the operation promises (empty, not JSON)${loop ? `, or ${loop} that leads back into the walk` : ''}`,
    ResponseTooLargeError: 'a response body (success, error or download) over `maxResponseBytes`',
  };
}

/** Said in parentheses after the "when" text, with the class it is a kind of. */
const ASIDES: Partial<Record<ErrorClassName, string>> = { APIUserAbortError: 'never retried', ResponseTooLargeError: 'never retried' };

const field = (c: ErrorClassInfo, name: string): string => `\`${name}\`${c.notes?.[name] ? ` (${c.notes[name]})` : ''}`;

/** The class's fields with the API's surfaced response headers before `requestId` (errors.ts sets them there). */
function fieldsOf(c: ErrorClassInfo, ir: ApiIR): string[] {
  return c.fields.flatMap((f) => (f === 'requestId' ? [...ir.responseFields.map((h) => h.name), f] : [f]));
}

/** "as `APIError`, plus …" for the per-status classes (they only add to it), else the fields themselves. */
function fieldsText(c: ErrorClassInfo, ir: ApiIR): string {
  const parent: ErrorClassInfo | undefined = ERROR_CLASSES.find((p) => p.name === c.parent);
  if (parent?.name === 'APIError' && parent.fields.every((f) => c.fields.includes(f))) {
    const extra = c.fields.filter((f) => !parent.fields.includes(f));
    return `as \`${parent.name}\`${extra.length > 0 ? `, plus ${extra.map((f) => field(c, f)).join(', ')}` : ''}`;
  }
  return fieldsOf(c, ir).map((f) => field(c, f)).join(', ');
}

/** The status for a class a status selects, else the prose, with the parent where it is not the obvious one. */
function when(c: ErrorClassInfo, prose: string): string {
  if (c.status !== undefined) return String(c.status);
  if (c.statusFrom !== undefined) return `${c.statusFrom} and above`;
  const kind = c.parent !== undefined && c.parent !== 'ClientError' && c.parent !== 'APIError' ? `a kind of \`${c.parent}\`` : undefined;
  const asides = [kind, ASIDES[c.name as ErrorClassName]].filter((a) => a !== undefined);
  return asides.length > 0 ? `${prose} (${asides.join('; ')})` : prose;
}

export function errorTable(ir: ApiIR): string[] {
  const prose = whenText(ir);
  return [
    '| class | when | useful fields |',
    '| --- | --- | --- |',
    ...ERROR_CLASSES.map((c: ErrorClassInfo) => {
      const name = c.name === 'ClientError' ? ir.errorClassName : c.name;
      return `| \`${name}\` | ${when(c, prose[c.name as ErrorClassName])} | ${fieldsText(c, ir)} |`;
    }),
  ];
}

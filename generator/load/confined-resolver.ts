import { BaseResolver, isAbsoluteUrl, ResolveError, Source, type Document } from '@redocly/openapi-core';
import { GeneratorError } from '../errors.js';
import type { ExternalRef } from './external-refs.js';
import { shield } from './prototype-shield.js';
import type { RefPolicy } from './ref-policy.js';
import { scanDocument } from './scan.js';

const FETCH_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

/**
 * Redocly's resolver, confined by a {@link RefPolicy}. Every document it loads is scanned for the
 * refs it makes before Redocly sees it, so a refused ref is reported with its pointer and nothing
 * it names is read or fetched; remote documents are fetched here with redirects followed by hand,
 * each hop checked against the policy. Redocly turns a resolver's errors into "unresolved ref"
 * problems, so the first refusal is kept in {@link refused} for the loader to throw as it is.
 */
export class ConfinedResolver extends BaseResolver {
  refused: GeneratorError | undefined;
  /** Whether some document it loaded was handed to Redocly shielded, so its bundle needs unshielding. */
  shieldedAny = false;
  /** Where each absolute target was first named, to say which ref a redirect belongs to. */
  private readonly namedAt = new Map<string, { ref: ExternalRef; file: string }>();

  constructor(
    private readonly policy: RefPolicy,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    super();
  }

  /** Checks the external refs a document read from `file` makes (its scan's); throws on the first refused one. */
  async checkRefs(refs: readonly ExternalRef[], file: string): Promise<void> {
    for (const ref of refs) {
      const target = this.resolveExternalRef(file, ref.uri);
      const reason = await this.policy.refusal(target);
      if (reason !== undefined) throw this.refuse(new GeneratorError(`${ref.kind} "${ref.ref}" refused: ${reason}`, ref.pointer, file));
      if (!this.namedAt.has(target)) this.namedAt.set(target, { ref, file });
    }
  }

  override async resolveDocument(base: string | null, ref: string, isRoot = false): Promise<Document> {
    const target = this.resolveExternalRef(base, ref);
    // Every document's refs were checked before Redocly walked it; this is the backstop.
    const reason = await this.policy.refusal(target);
    if (reason !== undefined) throw this.refuse(new GeneratorError(`$ref "${ref}" refused: ${reason}`, '#', base ?? undefined));
    const document = (await super.resolveDocument(base, ref, isRoot)) as Document;
    if (typeof document.parsed === 'object' && document.parsed !== null) {
      let prototypeKeys: boolean;
      try {
        const scan = scanDocument(document.parsed, target);
        await this.checkRefs(scan.externalRefs, target);
        prototypeKeys = scan.prototypeKeys;
      } catch (error) {
        throw this.refuse(error as GeneratorError);
      }
      // Redocly walks this file too: keys like `hasOwnProperty` must not reach its type maps.
      if (prototypeKeys) {
        document.parsed = shield(document.parsed);
        this.shieldedAny = true;
      }
    }
    return document;
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (!isAbsoluteUrl(absoluteRef)) return super.loadExternalRef(absoluteRef);
    let url = absoluteRef;
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, { redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      } catch (error) {
        throw new ResolveError(new Error(`Failed to load ${url}: ${(error as Error).message}`));
      }
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) {
        if (!response.ok) {
          await response.body?.cancel();
          throw new ResolveError(new Error(`Failed to load ${url}: HTTP ${response.status} ${response.statusText}`.trim()));
        }
        return new Source(absoluteRef, await response.text(), response.headers.get('content-type') ?? undefined);
      }
      await response.body?.cancel();
      const next = new URL(location, url).href;
      const reason = this.policy.urlRefusal(next);
      if (reason !== undefined) {
        const named = this.namedAt.get(absoluteRef);
        const what = named ? `${named.ref.kind} "${named.ref.ref}"` : absoluteRef;
        throw this.refuse(new GeneratorError(`${what} redirects to ${next}, refused: ${reason}`, named?.ref.pointer ?? '#', named?.file ?? absoluteRef));
      }
      if (hop >= MAX_REDIRECTS) throw new ResolveError(new Error(`Failed to load ${absoluteRef}: more than ${MAX_REDIRECTS} redirects`));
      url = next;
    }
  }

  private refuse(error: GeneratorError): GeneratorError {
    this.refused ??= error;
    return error;
  }
}

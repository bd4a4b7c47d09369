import type { ResponseHeaderFields } from './response-meta.js';
/**
 * The data of a call together with the raw HTTP response it came from, and the response headers
 * the API surfaces as fields (`ResponseHeaderFields`).
 */
export type WithResponse<T> = ResponseHeaderFields & {
  data: T;
  /** The raw response. Its body has already been read; use it for status and headers. */
  response: Response;
  requestId: string | undefined;
};

/**
 * What every call returns: awaitable for the data, with `.withResponse()` for the raw response.
 * `T` is what the call resolves to; `Body` the decoded body `.withResponse()` gives, which differs
 * only where the API wraps single objects in an envelope (`{ data: T }`) that the call unwraps
 * (`EnvelopePromise`). Calls whose body is their result return `APIPromise<T>`, one type argument,
 * so declarations and hover read `APIPromise<Pet>`.
 *
 * The request starts immediately (like fetch). The data promise is derived only when someone
 * awaits/thens it, so calling only `.withResponse()` never leaves a second, unobserved promise
 * to reject, while a call nobody consumes still surfaces its failure as an unhandled rejection.
 */
class ResultPromise<T, Body> extends Promise<T> {
  // Derived promises (then/catch/finally) are plain Promises: subclasses need not support
  // Promise's executor-style constructor.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #result: Promise<WithResponse<Body>>;
  readonly #resolve: (result: WithResponse<Body>) => T;
  #data: Promise<T> | undefined;

  /** @internal `resolve` picks the call's value out of the body (the envelope's model); by default the body itself. */
  constructor(result: Promise<WithResponse<Body>>, resolve?: (result: WithResponse<Body>) => T) {
    // The underlying Promise is never observed (then/catch/finally are redirected below); it
    // resolves at once so it can never become an unhandled rejection of its own.
    super((done) => done(undefined as T));
    this.#result = result;
    // Without `resolve`, T is Body (the generated code gives both type arguments only with one).
    this.#resolve = resolve ?? ((whole) => whole.data as unknown as T);
  }

  /** Resolves with the decoded body as the server sent it (the envelope too), plus the raw Response, the surfaced headers and the request id. */
  withResponse(): Promise<WithResponse<Body>> {
    return this.#result;
  }

  #dataPromise(): Promise<T> {
    this.#data ??= this.#result.then(this.#resolve);
    return this.#data;
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#dataPromise().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#dataPromise().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#dataPromise().finally(onfinally);
  }
}

/** A call whose decoded body is its result. */
export class APIPromise<T> extends ResultPromise<T, T> {}

/** A call that resolves to the model inside the body's envelope; `.withResponse()` gives the whole `Body`. */
export class EnvelopePromise<T, Body> extends ResultPromise<T, Body> {}

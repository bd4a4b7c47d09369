// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/api-promise.ts.
/** The data of a call together with the raw HTTP response it came from. */
export interface WithResponse<T> {
  data: T;
  /** The raw response. Its body has already been read; use it for status and headers. */
  response: Response;
  /** Plan tier header of the response, if the API defines one. */
  tier: string | undefined;
  requestId: string | undefined;
}

/**
 * What every call returns: awaitable for the data, with `.withResponse()` for the raw response.
 *
 * The request starts immediately (like fetch). The data promise is derived only when someone
 * awaits/thens it, so calling only `.withResponse()` never leaves a second, unobserved promise
 * to reject, while a call nobody consumes still surfaces its failure as an unhandled rejection.
 */
export class APIPromise<T> extends Promise<T> {
  // Derived promises (then/catch/finally) are plain Promises: subclasses need not support
  // Promise's executor-style constructor.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #result: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<WithResponse<T>>) {
    // The underlying Promise is never observed (then/catch/finally are redirected below); it
    // resolves at once so it can never become an unhandled rejection of its own.
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  /** Resolves with the data plus the raw Response, tier and request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  #dataPromise(): Promise<T> {
    this.#data ??= this.#result.then((result) => result.data);
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

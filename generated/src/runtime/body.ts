// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/body.ts.
/**
 * Reads a response body under a size cap (`maxResponseBytes`). Bytes are counted as they arrive,
 * chunk by chunk, and the stream is cancelled the moment the count passes the cap, so an
 * oversized answer costs at most the cap plus one chunk of memory and the connection is torn down
 * instead of being drained. A Content-Length over the cap is refused before a byte is read.
 *
 * Only the reader API is used (no `for await` over the stream), so the runtime type-checks and
 * runs where ReadableStream is not async-iterable (lib "dom" without "dom.asynciterable", Safari).
 */

/** The body, or how far it went past the cap. */
export type BodyRead<T> =
  | { body: T }
  /** `declared`: Content-Length said `bytes` before anything was read; else `bytes` were read. */
  | { tooLarge: { bytes: number; declared: boolean } };

/** Decodes whole bodies only (never `stream: true`), so one instance serves every call. */
let wholeDecoder: TextDecoder | undefined;

/** The body as text (UTF-8, as `Response.text()` decodes it), read under `limit` bytes. */
export async function readText(response: Response, limit: number): Promise<BodyRead<string>> {
  // No cap asked for: the platform's own reader, which is faster than a loop of chunks.
  if (limit === Infinity) return { body: await response.text() };
  // A body that arrives in one chunk (most JSON answers) is decoded by the shared decoder: a
  // decoder per body cost more than the decoding. From a second chunk on, the body gets a decoder
  // of its own, fed chunk by chunk: a character split across chunks still decodes, and no copy of
  // the raw bytes is kept beside the text.
  let first: Uint8Array | undefined;
  let decoder: TextDecoder | undefined;
  const parts: string[] = [];
  const read = await readChunks(response, limit, (chunk) => {
    if (decoder === undefined) {
      if (first === undefined) {
        first = chunk;
        return;
      }
      decoder = new TextDecoder();
      parts.push(decoder.decode(first, { stream: true }));
    }
    parts.push(decoder.decode(chunk, { stream: true }));
  });
  if (read !== undefined) return read;
  if (decoder === undefined) {
    if (first === undefined) return { body: '' };
    wholeDecoder ??= new TextDecoder();
    return { body: wholeDecoder.decode(first) };
  }
  parts.push(decoder.decode());
  return { body: parts.join('') };
}

/**
 * The body as bytes (a file, an image), read under `limit` bytes. Reached only through
 * settings.readBytes, which the generator sets for APIs with file answers, so a client without
 * them never bundles it.
 */
export async function readBytes(response: Response, limit: number): Promise<BodyRead<ArrayBuffer>> {
  if (limit === Infinity) return { body: await response.arrayBuffer() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const read = await readChunks(response, limit, (chunk) => {
    chunks.push(chunk);
    size += chunk.byteLength;
  });
  if (read !== undefined) return read;
  const only = chunks.length === 1 ? chunks[0] : undefined;
  // A lone chunk that fills its own buffer is handed over as is: no second copy of a large file.
  if (only !== undefined && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) {
    return { body: only.buffer as ArrayBuffer };
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return { body: out.buffer };
}

/**
 * Feeds every chunk of the body to `take` while the running total stays within `limit`.
 * Undefined when the whole body was read; the overrun otherwise (the stream is then cancelled).
 */
async function readChunks(
  response: Response,
  limit: number,
  take: (chunk: Uint8Array) => void,
): Promise<{ tooLarge: { bytes: number; declared: boolean } } | undefined> {
  const stream = response.body;
  const declared = declaredLength(response);
  if (declared !== undefined && declared > limit) {
    // Cancelling (not draining) closes the connection; nobody reads what is left of it.
    stream?.cancel().catch(() => undefined);
    return { tooLarge: { bytes: declared, declared: true } };
  }
  if (stream === null) return undefined;
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return undefined;
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: a stream whose source ignores cancellation must not hold the call up.
      reader.cancel().catch(() => undefined);
      return { tooLarge: { bytes: total, declared: false } };
    }
    take(value);
  }
}

/**
 * The body's length from Content-Length, when it gives the length of what will be read: with a
 * Content-Encoding it is the compressed size, which fetch decodes into an unknown larger one.
 */
function declaredLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const length = response.headers.get('content-length');
  if (length === null || !/^\s*\d+\s*$/.test(length)) return undefined;
  return Number(length);
}

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GeneratorError } from '../errors.js';
import { sha256Of, sha256OfRead } from '../spec-store/store.js';

export interface SourceText {
  text: string;
  /** Absolute file path or URL; relative `$ref`s resolve against it. */
  location: string;
  /** sha256 of the text as UTF-8 (the generation lock's `specSha256`, the lint cache's key). */
  sha256: string;
}

const FETCH_TIMEOUT_MS = 30_000;

/** Reads a spec from a file path or an http(s) URL; the text is returned untouched. */
export async function readSource(source: string, fetchImpl: typeof fetch = fetch): Promise<SourceText> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetchImpl(source, {
        headers: { accept: 'application/json, application/yaml;q=0.9, */*;q=0.1' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (error) {
      throw new GeneratorError(`Cannot fetch spec: ${(error as Error).message}`, '#', source, { cause: error });
    }
    if (!response.ok) {
      throw new GeneratorError(`Cannot fetch spec: HTTP ${response.status} ${response.statusText}`.trim(), '#', source);
    }
    const text = await response.text();
    return { text, location: source, sha256: sha256Of(text) };
  }
  const path = resolve(source);
  try {
    const bytes = await readFile(path);
    const text = bytes.toString('utf8');
    return { text, location: path, sha256: sha256OfRead(bytes, text) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new GeneratorError(`Cannot read spec: ${reason}`, '#', path, { cause: error });
  }
}

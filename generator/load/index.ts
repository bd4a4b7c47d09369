import { parseSpecText } from './parse.js';
import { readSource } from './read-source.js';
import { validateAndBundle, type LoadOptions, type ValidatedSpec } from './validate.js';

export type { LoadOptions } from './validate.js';

export interface LoadedSpec extends ValidatedSpec {
  location: string;
  /** The exact text read, for hashing into the generation lock. */
  text: string;
}

/** Stage 1: file or URL → parsed, validated, bundled OpenAPI document. */
export async function loadSpec(source: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const read = await readSource(source);
  const parsed = parseSpecText(read);
  const validated = await validateAndBundle(parsed, read.text, read.location, options);
  return { ...validated, location: read.location, text: read.text };
}

import { parseSpecText } from './parse.js';
import { readSource } from './read-source.js';
import { validateAndBundle, type LoadOptions, type ValidatedSpec } from './validate.js';

export type { LoadOptions } from './validate.js';

export interface LoadedSpec extends ValidatedSpec {
  location: string;
  /** The exact text read. */
  text: string;
  /** sha256 of that text, for the generation lock. */
  textSha256: string;
}

/** Stage 1: file or URL → parsed, validated, bundled OpenAPI document. */
export async function loadSpec(source: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const read = await readSource(source);
  const parsed = parseSpecText(read);
  const validated = await validateAndBundle(parsed, read.text, read.location, options, read.sha256);
  return { ...validated, location: read.location, text: read.text, textSha256: read.sha256 };
}

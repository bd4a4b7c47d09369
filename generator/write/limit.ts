import { GeneratorError } from '../errors.js';

/**
 * The most bytes one generation may write unless `--max-output-bytes` says otherwise. The pinned
 * API's client is ~0.5 MB and the largest corpus specs a few MB: 200 MB is far beyond any real
 * package and still stops a runaway (a schema expanded without end) before it fills the disk.
 */
export const DEFAULT_MAX_OUTPUT_BYTES = 200 * 1024 * 1024;

/** Total UTF-8 size of the files of one or more packages about to be written. */
export function outputSize(...packages: ReadonlyMap<string, string>[]): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const pkg of packages) {
    for (const text of pkg.values()) bytes += Buffer.byteLength(text, 'utf8');
    files += pkg.size;
  }
  return { bytes, files };
}

/** Throws, before anything is written, when the output is larger than `limit` bytes. */
export function assertOutputSize(size: { bytes: number; files: number }, limit: number): void {
  if (size.bytes <= limit) return;
  throw new GeneratorError(
    `The generated output (${size.bytes} bytes in ${size.files} files) exceeds the ${limit}-byte limit, so nothing was written. Output this large usually means a runaway spec (a schema expanded without end); if it is expected, raise the limit with --max-output-bytes.`,
    '#',
  );
}

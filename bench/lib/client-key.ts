import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A well-formed key (`aik_v1_` + 40 base64url characters); the local servers accept any. */
export const BENCH_API_KEY = 'aik_v1_BenchmarkOnly_0123456789abcdefghijklmnop';

/** True when this module file is the script Node was started with. */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && metaUrl === pathToFileURL(resolve(entry)).href;
}

// V8 code caches on disk, each stored with a sha256 of its bytes. V8 (Node 20) checks little more
// than a cache's header before using it: a cache damaged in the middle (a bad disk, a bad copy)
// crashed the whole process with a fatal error on every run, and the run never got as far as
// replacing it. A cache whose checksum does not match is treated as missing, so the run compiles
// from source and writes a good one. Costs ~6 ms per 10 MB read. Used by run-bundle.mjs (the CLI
// bundle) and generator/format/prettier-loader.mjs (prettier in the formatting worker).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const MAGIC = Buffer.from('notai-codegen code cache v1\n');
const DIGEST_BYTES = 32;

/** The cache data in `file`, or undefined when it is missing, damaged or from another format. */
export function readCodeCache(file) {
  let stored;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + DIGEST_BYTES;
  if (stored.length <= start || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = stored.subarray(start);
  const digest = createHash('sha256').update(data).digest();
  return digest.equals(stored.subarray(MAGIC.length, start)) ? data : undefined;
}

/** Writes `data` to `file` atomically; false when it could not (a read-only install, a full disk). */
export function writeCodeCache(file, data) {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([MAGIC, createHash('sha256').update(data).digest(), data]));
    renameSync(temp, file); // a concurrent run reads the old file or the new one, never half of one
    return true;
  } catch {
    return false;
  }
}

// V8 code caches on disk, each stored with a CRC-32 of its bytes. V8 (Node 20) checks little more
// than a cache's header before using it: a cache damaged in the middle (a bad disk, a bad copy)
// crashed the whole process with a fatal error on every run, and the run never got as far as
// replacing it. A cache whose checksum does not match is treated as missing, so the run compiles
// from source and writes a good one. CRC-32 is enough for accidental damage and costs ~2 ms per
// 10 MB (sha256 cost ~12 ms, on every run's critical path). `compileWithCodeCache` is the one way
// both users compile through a cache: run-bundle.mjs (the CLI bundle) and
// generator/format/prettier-loader.mjs (prettier in the formatting worker).
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

const MAGIC = Buffer.from('notai-codegen code cache v2\n');
const CHECKSUM_BYTES = 4;

/** The cache data in `file`, or undefined when it is missing, damaged or from another format. */
function readCodeCache(file) {
  let stored;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + CHECKSUM_BYTES;
  if (stored.length <= start || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = stored.subarray(start);
  return stored.readUInt32BE(MAGIC.length) === crc32(data) ? data : undefined;
}

/** Whether a cache could be written into `dir` (created if missing). */
function canWriteCodeCache(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes `data` to `file` atomically; false when it could not (a read-only install, a full disk). */
function writeCodeCache(file, data) {
  // Unique per process, thread and call: two formatting workers (one pid) may save at once.
  const temp = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const checksum = Buffer.alloc(CHECKSUM_BYTES);
    checksum.writeUInt32BE(crc32(data));
    writeFileSync(temp, Buffer.concat([MAGIC, checksum, data]));
    renameSync(temp, file); // a concurrent run reads the old file or the new one, never half of one
    return true;
  } catch {
    try {
      rmSync(temp, { force: true }); // a full disk must not keep a partial file
    } catch {
      // nothing more to do
    }
    return false;
  }
}

/**
 * Compiles `source` as a `vm.Script` (with `options`) using the cache in `cacheFile`, if any and
 * intact. `saveCodeCache()` writes what V8 has compiled by then, lazily compiled functions
 * included, when this compile had no usable cache; it does so once, and not at all where the
 * directory cannot be written (`createCachedData()` costs tens of ms, which a read-only install
 * would otherwise pay on every run). `cacheFile` undefined: no cache at all.
 */
export function compileWithCodeCache(source, options, cacheFile) {
  const cachedData = cacheFile === undefined ? undefined : readCodeCache(cacheFile);
  const script = new vm.Script(source, { ...options, cachedData });
  let due = cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    script,
    saveCodeCache() {
      if (!due) return;
      due = false;
      if (canWriteCodeCache(dirname(cacheFile))) writeCodeCache(cacheFile, script.createCachedData());
    },
  };
}

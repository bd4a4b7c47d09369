/**
 * One writer per output directory, across processes and within one: a lock file beside `--out`
 * (`.<name>.notai-codegen.lock`) naming its holder. It is created complete with link(2), which
 * fails when the lock exists, so no reader ever sees a half-written lock and no two runs hold it.
 */
import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { GeneratorError } from '../errors.js';
import { pidAlive } from './pid.js';

interface LockOwner {
  pid: number;
  hostname: string;
  started: string;
  /** Tells this holding apart from a later one by the same pid (in-process calls, pid reuse). */
  token: string;
}

export interface LockOptions {
  /** How long to wait for another run to finish before failing. */
  waitMs: number;
  /** Told once, when this run starts waiting. */
  onWait?: (message: string) => void;
}

export const lockFileOf = (target: string): string => join(dirname(target), `.${basename(target)}.notai-codegen.lock`);

/** Litter of a lock operation killed half-way (its temp file or a broken lock) is this old at least. */
const LITTER_AGE_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readOwner(file: string): Promise<LockOwner | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string' && typeof owner.started === 'string' && typeof owner.token === 'string') return owner as LockOwner;
  } catch {
    // fall through
  }
  return 'unreadable';
}

/** Writes the owner to a temp file, then links it as the lock: all or nothing. */
async function tryCreate(file: string, owner: LockOwner): Promise<boolean> {
  const temp = `${file}.${owner.token}.tmp`;
  await writeFile(temp, `${JSON.stringify(owner)}\n`);
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Removes the lock of a dead holder, checking after the fact that the file moved aside is the one
 * judged dead: a run that took the lock in between gets it back. (A third run creating a lock in
 * that same microsecond window is not covered; it needs a crash and three racing runs.)
 */
async function breakStale(file: string, token: string): Promise<void> {
  const grave = `${file}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(file, grave);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readOwner(grave);
  if (typeof moved !== 'object' || moved.token !== token) await link(grave, file).catch(() => undefined);
  await rm(grave, { force: true });
}

/** Temp files and moved-aside locks left by a run killed inside tryCreate or breakStale. */
async function sweepLitter(file: string): Promise<void> {
  const prefix = `${basename(file)}.`;
  const now = Date.now();
  for (const entry of await readdir(dirname(file))) {
    if (!entry.startsWith(prefix) || !/\.(tmp|stale)$/.test(entry)) continue;
    const full = join(dirname(file), entry);
    const info = await stat(full).catch(() => undefined);
    if (info && now - info.mtimeMs > LITTER_AGE_MS) await rm(full, { force: true });
  }
}

const describeOwner = (owner: LockOwner | 'unreadable'): string =>
  owner === 'unreadable' ? 'its lock file cannot be read' : `pid ${owner.pid} on ${owner.hostname} since ${owner.started}`;

/**
 * Takes the lock on `target`, waiting up to `waitMs` for its holder; a holder whose pid is dead
 * on this host is stale and taken over. Resolves with the function that releases it.
 */
export async function acquireLock(target: string, options: LockOptions): Promise<() => Promise<void>> {
  const file = lockFileOf(target);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + options.waitMs;
  let told = false;
  let delay = 10;
  for (;;) {
    if (await tryCreate(file, me)) break;
    const owner = await readOwner(file);
    if (owner === 'missing') continue; // released between the two calls
    if (owner !== 'unreadable' && owner.hostname === me.hostname && !pidAlive(owner.pid)) {
      await breakStale(file, owner.token);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new GeneratorError(
        `${target} is being written by another notai-codegen run (${describeOwner(owner)}); gave up after waiting ${Math.round(options.waitMs / 1000)} s. If no such run is going on, remove the lock file ${file}.`,
        '#',
        target,
      );
    }
    if (!told) {
      told = true;
      options.onWait?.(`waiting for another notai-codegen run to finish writing ${target} (${describeOwner(owner)}; lock file ${file})`);
    }
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
    delay = Math.min(delay * 2, 200);
  }
  await sweepLitter(file);
  return async () => {
    const owner = await readOwner(file);
    // Not ours any more only if another run judged this one dead; its lock is then left alone.
    if (typeof owner === 'object' && owner.token === me.token) await rm(file, { force: true });
  };
}

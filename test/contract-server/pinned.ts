/**
 * The spec this repository pins (spec/spec.lock.json's current version): the contract server
 * serves it and reports its version by default, so a spec release needs no edit here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SPEC_DIR = new URL('../../spec/', import.meta.url);

interface SpecLock {
  current: string;
  versions: Record<string, { file: string }>;
}

const lock = JSON.parse(readFileSync(new URL('spec.lock.json', SPEC_DIR), 'utf8')) as SpecLock;
const entry = lock.versions[lock.current];
if (!entry) throw new Error(`spec/spec.lock.json has no entry for its current version ${lock.current}`);

/** The pinned spec file. */
export const PINNED_SPEC_PATH = fileURLToPath(new URL(entry.file, SPEC_DIR));

/** Its `info.version`: what the API reports as its version (GET /health). */
export const PINNED_API_VERSION = String((JSON.parse(readFileSync(PINNED_SPEC_PATH, 'utf8')) as { info: { version: unknown } }).info.version);

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATOR_ROOT } from './root.js';

/** The generator's version and the exact versions it pins, which generated packages pin too. */
export interface OwnPackage {
  version: string;
  /** The pinned version of a dependency of this repository, or `fallback` when it has none. */
  pin(name: string, fallback: string): string;
}

let read: Promise<OwnPackage> | undefined;

/** The generator's package.json, read once per process (every target asks for its pins). */
export function ownPackage(): Promise<OwnPackage> {
  read ??= readFile(join(GENERATOR_ROOT, 'package.json'), 'utf8').then((text) => {
    const pkg = JSON.parse(text) as { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    return { version: pkg.version, pin: (name, fallback) => pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? fallback };
  });
  return read;
}

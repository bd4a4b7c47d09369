import { lstat, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { GeneratorError } from '../errors.js';

/** The generator's own directory inside an output: it exists only while a write runs (or after a crash). */
export const INTERNAL_DIR = '.notai-codegen';

/** `root/rel`, refusing a path that leaves `root` or reaches into the generator's own directory. */
export function insideOutput(root: string, rel: string): string {
  const full = resolve(root, rel);
  if (!full.startsWith(root + sep)) throw new GeneratorError(`Refusing to write outside the output directory: ${rel}`, '#');
  if (full === join(root, INTERNAL_DIR) || full.startsWith(join(root, INTERNAL_DIR) + sep)) {
    throw new GeneratorError(`Refusing to write into the generator's own ${INTERNAL_DIR} directory: ${rel}`, '#');
  }
  return full;
}

export async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Every file under `dir`, as `/`-separated paths relative to `root`. */
export async function listFiles(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, full)));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The generator's own package root (where package.json and templates/ live), found by walking up
 * from this module, so it is the same whether this runs from generator/*.ts or from the bundled
 * dist/notai-codegen.cjs.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates', 'runtime'))) return dir;
    if (dirname(dir) === dir) throw new Error(`notai-codegen: cannot find its templates/ directory above ${start}`);
  }
}

export const GENERATOR_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

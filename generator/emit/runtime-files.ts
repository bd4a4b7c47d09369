import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATOR_ROOT } from '../root.js';

const TEMPLATES = join(GENERATOR_ROOT, 'templates');
export const RUNTIME_DIR = join(TEMPLATES, 'runtime');
const PACKAGE_DIR = join(TEMPLATES, 'package');

/**
 * The runtime is copied, not generated: it is ordinary, unit-tested code in templates/runtime.
 * Files are read in sorted order so the output never depends on directory listing order.
 */
export async function runtimeFiles(header: string, dir = RUNTIME_DIR): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort();
  const out = new Map<string, string>();
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    out.set(`src/runtime/${name}`, `// ${header} Copied from templates/runtime/${name}.\n${text}`);
  }
  return out;
}

/** Package-level files (the build script) copied to the package root. */
export async function packageTemplateFiles(header: string): Promise<Map<string, string>> {
  const names = (await readdir(PACKAGE_DIR)).sort();
  const out = new Map<string, string>();
  for (const name of names) {
    const text = await readFile(join(PACKAGE_DIR, name), 'utf8');
    out.set(name, `// ${header} Copied from templates/package/${name}.\n${text}`);
  }
  return out;
}

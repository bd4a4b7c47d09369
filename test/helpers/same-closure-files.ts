import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Which files of several packages can be one source file in a shared TypeScript program.
 *
 * Generated clients carry byte-identical copies of the runtime (and mutants of one spec carry
 * byte-identical copies of most modules); in one program each copy is parsed, bound and its types
 * resolved again. A module's meaning follows from its text, its place in its package, its module
 * format and what it reaches: the files it imports, transitively, and the files that augment any of
 * those with `declare module './x.js'`. Two files whose whole closure is the same text at the same
 * package-relative paths are interchangeable, so every import of the second can be resolved to the
 * first. A file is only ever merged with a byte-identical one; anything this cannot follow (a
 * `///` reference, an import outside the package, an import that does not resolve here) keeps the
 * file and everything that reaches it separate.
 */
export interface SameClosureFiles {
  /** Each file with an interchangeable earlier copy → that copy. */
  canonical: Map<string, string>;
  /** Every file reached from the roots (each copy counted). */
  files: number;
}

interface Node {
  /** Package-relative path, text hash and module format: what must match between copies. */
  own: string;
  /** Resolved relative imports and augmentation targets; undefined when one cannot be followed. */
  imports: string[] | undefined;
  /** Files that augment this one. */
  augmentedBy: string[];
}

export function sameClosureFiles(packageDirs: string[]): SameClosureFiles {
  const nodes = new Map<string, Node>();
  const byText = new Map<string, { imports: string[]; augments: string[]; followable: boolean }>();
  const formats = new Map<string, string>();
  // Depth first from the first package's root: the earliest package's copy of a file is the one kept.
  const stack: { file: string; pkg: string }[] = packageDirs.map((pkg) => ({ file: join(pkg, 'src', 'index.ts'), pkg })).reverse();
  // Augmentation edges found while walking, attached once every file is known.
  const augmentations: [target: string, augmenter: string][] = [];
  while (stack.length > 0) {
    const { file, pkg } = stack.pop()!;
    if (nodes.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    let info = byText.get(hash);
    if (!info) {
      const pre = ts.preProcessFile(text, true, true);
      // Only `./x.js`-style imports map to a file by its name alone; anything else is followed by nothing here.
      const specifiers = pre.importedFiles.map((f) => f.fileName);
      const followable = pre.referencedFiles.length === 0 && pre.typeReferenceDirectives.length === 0 && pre.libReferenceDirectives.length === 0 && specifiers.every((s) => s.startsWith('node:') || /^\.\.?\/.*\.(?:js|mjs|cjs)$/.test(s));
      const augments = [...text.matchAll(/declare\s+module\s+['"](\.[^'"]*)['"]/g)].map((m) => m[1]!);
      info = { imports: specifiers.filter((s) => s.startsWith('.')), augments, followable };
      byText.set(hash, info);
    }
    const node: Node = { own: `${relative(pkg, file)}\0${hash}\0${formatOf(file, formats)}`, imports: info.followable ? [] : undefined, augmentedBy: [] };
    nodes.set(file, node);
    for (const specifier of info.imports) {
      const target = resolveRelative(file, specifier);
      if (target === undefined || !target.startsWith(pkg + '/')) {
        node.imports = undefined;
        continue;
      }
      node.imports?.push(target);
      if (!nodes.has(target)) stack.push({ file: target, pkg });
    }
    for (const specifier of info.augments) {
      const target = resolveRelative(file, specifier);
      if (target !== undefined) augmentations.push([target, file]);
    }
  }
  for (const [target, augmenter] of augmentations) nodes.get(target)?.augmentedBy.push(augmenter);

  const canonical = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const file of nodes.keys()) {
    const key = closureKey(file, nodes);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, file);
    else canonical.set(file, first);
  }
  return { canonical, files: nodes.size };
}

/** The sorted own-keys of every file the file reaches (imports and augmenters); undefined if one cannot be followed. */
function closureKey(file: string, nodes: Map<string, Node>): string | undefined {
  const reached = new Set([file]);
  const stack = [file];
  while (stack.length > 0) {
    const node = nodes.get(stack.pop()!);
    if (node?.imports === undefined) return undefined;
    for (const next of [...node.imports, ...node.augmentedBy]) {
      if (reached.has(next)) continue;
      reached.add(next);
      stack.push(next);
    }
  }
  const hash = createHash('sha256');
  hash.update(`${nodes.get(file)!.own}\n`);
  for (const own of [...reached].map((f) => nodes.get(f)!.own).sort()) hash.update(`${own}\n`);
  return hash.digest('hex');
}

/** TypeScript's order for a `.js` (`.mjs`, `.cjs`) specifier: the source file, then a declaration file. */
function resolveRelative(file: string, specifier: string): string | undefined {
  const base = resolve(dirname(file), specifier);
  const stem = base.replace(/\.(?:js|mjs|cjs)$/, '');
  const ext = base.slice(stem.length);
  const candidates = ext === '.mjs' ? [`${stem}.mts`, `${stem}.d.mts`] : ext === '.cjs' ? [`${stem}.cts`, `${stem}.d.cts`] : [`${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`];
  return candidates.find((c) => existsSync(c));
}

/** The module format a file gets: its extension, else the `type` of the nearest package.json. */
function formatOf(file: string, cache: Map<string, string>): string {
  if (/\.m[tj]s$/.test(file)) return 'module';
  if (/\.c[tj]s$/.test(file)) return 'commonjs';
  const dirs: string[] = [];
  let dir = dirname(file);
  let found: string | undefined;
  for (;;) {
    found = cache.get(dir);
    if (found !== undefined) break;
    dirs.push(dir);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      // An unreadable manifest makes the files below it like no other package's.
      try {
        found = String((JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type ?? 'commonjs');
      } catch {
        found = `unreadable:${manifest}`;
      }
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      found = 'commonjs';
      break;
    }
    dir = parent;
  }
  for (const d of dirs) cache.set(d, found);
  return found;
}

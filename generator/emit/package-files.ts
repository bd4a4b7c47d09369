import { namesOf } from '../ir/names-lock.js';
import type { ApiIR } from '../ir/types.js';

/** `package.json` of the generated client: zero runtime dependencies, ESM + CJS + types via `exports`. */
export function emitPackageJson(ir: ApiIR, header: string, typescriptVersion: string): string {
  const pkg = {
    '//': header,
    name: ir.packageName,
    version: ir.packageVersion,
    description: ir.packageDescription,
    type: 'module',
    main: './dist/cjs/index.js',
    module: './dist/esm/index.js',
    types: './dist/esm/index.d.ts',
    exports: {
      '.': {
        import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' },
        require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' },
      },
      './package.json': './package.json',
    },
    files: ['dist', 'src', 'README.md', 'CHANGELOG.md'],
    sideEffects: false,
    engines: { node: '>=18' },
    scripts: {
      build: 'node build.mjs',
      typecheck: 'tsc -p tsconfig.json --noEmit',
    },
    devDependencies: { typescript: typescriptVersion },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Strict settings the generated code must satisfy (the compile test enforces them). */
export function emitTsconfig(): string {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      declaration: true,
      sourceMap: false,
      skipLibCheck: false,
      types: [],
      rootDir: 'src',
      outDir: 'dist/esm',
    },
    include: ['src'],
  };
  return `${JSON.stringify(tsconfig, null, 2)}\n`;
}

export interface LockInput {
  generatorVersion: string;
  specSha256: string;
  configSha256: string | null;
}

/** What produced this output, so a reviewer can tell a spec change from a generator change. */
export function emitLock(ir: ApiIR, input: LockInput): string {
  const lock = {
    generator: { name: 'notai-codegen', version: input.generatorVersion },
    spec: { title: ir.title, version: ir.specVersion, openapi: ir.openapiVersion, sha256: input.specSha256 },
    config: { sha256: input.configSha256 },
    package: { name: ir.packageName, version: ir.packageVersion },
    operations: ir.operations.length,
    // Names assigned once and kept across releases (ir/names-lock.ts).
    names: namesOf(ir),
  };
  return `${jsonByLevel(lock, 3)}\n`;
}

/**
 * JSON with the objects and arrays above `inlineFrom` levels laid out one member a line (two
 * spaces), and those deeper on one line each: the lock's names then take one line per operation,
 * so a release that adds or renames one changes one line, in fewer bytes than one line per
 * field (MS Graph's lock: 3.97 → 3.53 MB). Written as is: the format step leaves this file alone
 * (format/rules.ts), since prettier would re-break lines past its print width.
 */
export function jsonByLevel(value: unknown, inlineFrom: number, level = 0): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries: string[] = Array.isArray(value)
    ? value.map((v: unknown) => jsonByLevel(v, inlineFrom, level + 1))
    : Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}: ${jsonByLevel(v, inlineFrom, level + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  if (level >= inlineFrom) return Array.isArray(value) ? `[${entries.join(', ')}]` : `{ ${entries.join(', ')} }`;
  const pad = '  '.repeat(level + 1);
  return `${open}\n${entries.map((e) => `${pad}${e}`).join(',\n')}\n${'  '.repeat(level)}${close}`;
}

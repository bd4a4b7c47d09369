import type { ApiIR, McpIR } from '../ir/types.js';

export interface McpVersions {
  typescript: string;
  typesNode: string;
  sdk: string;
}

/** `package.json`: a `bin` for `npx`, the client as its one API dependency, the SDK pinned exactly. */
export function mcpPackageJson(ir: ApiIR, mcp: McpIR, header: string, versions: McpVersions): string {
  const pkg = {
    '//': header,
    name: mcp.packageName,
    version: ir.packageVersion,
    description: `Model Context Protocol server for ${ir.title}: one tool per operation, on top of ${ir.packageName}.`,
    type: 'module',
    bin: { [binName(mcp)]: './dist/bin.js' },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
    files: ['dist', 'src', 'README.md', 'CHANGELOG.md'],
    engines: { node: '>=20' },
    scripts: { build: 'tsc -p tsconfig.json', typecheck: 'tsc -p tsconfig.json --noEmit', prepublishOnly: 'npm run build' },
    dependencies: { '@modelcontextprotocol/server': versions.sdk, [ir.packageName]: ir.packageVersion },
    devDependencies: { '@types/node': versions.typesNode, typescript: versions.typescript },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** `@scope/x-mcp` → `x-mcp`: npx runs the bin named like the package. */
export function binName(mcp: McpIR): string {
  return mcp.packageName.replace(/^@[^/]+\//, '');
}

/** Node-only and strict; the client resolves from node_modules (tests map it to the sibling source). */
export function mcpTsconfig(): string {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      declaration: true,
      sourceMap: false,
      skipLibCheck: true,
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  };
  return `${JSON.stringify(tsconfig, null, 2)}\n`;
}

// TypeDoc for the generated client: `npm run docs` writes HTML to docs-html/ (gitignored).
// Paths are relative to this file. test/docs/typedoc.test.ts builds the same site and checks it.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  entryPoints: ['../generated/src/index.ts'],
  tsconfig: '../generated/tsconfig.json',
  out: '../docs-html',
  // The package page is the generated README; name and version come from generated/package.json.
  readme: '../generated/README.md',
  includeVersion: true,
  excludePrivate: true,
  excludeInternal: true,
  sort: ['source-order'],
  // openapi-typescript writes `@description` on every schema and field.
  blockTags: [...OptionDefaults.blockTags, '@description'],
  // Source links need a git remote; the site is built from a working tree.
  disableSources: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  // Each resource module's local `Named$` helper (emit/operation.ts) names an alias's object type
  // in hover; it is not part of the package's API, so it is neither exported nor documented.
  intentionallyNotExported: ['Named$'],
  // What must carry a doc comment. Fields of openapi-typescript's raw `paths`/`components`
  // types are documented only where the spec describes them, so properties are not required.
  requiredToBeDocumented: ['Class', 'Function', 'Interface', 'TypeAlias', 'Variable', 'Enum', 'Method'],
};

export default config;

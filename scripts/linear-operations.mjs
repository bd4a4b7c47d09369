// An esbuild plugin for scripts/build-cli.mjs: openapi-typescript's `injectOperationObject` adds
// each operation to the `operations` interface by copying every member so far into a new node
// array (`createNodeArray([...operations.members, member])`), so n operations cost O(n²) copies and
// allocations: on Microsoft Graph (11,422 operations) about a third of our CPU time, in the
// transform and the garbage collection after it. In the bundle the member is appended to the same
// array instead, and the array's aggregated transform flags are OR-ed with the new member's (what
// re-aggregating the whole array computes), so the node tree, and the printed types.ts, are the
// same. The patch is applied to exact text: if openapi-typescript's code changes, the build fails
// here rather than bundling something untested. Running from the sources (tsx) uses the unpatched
// package, which prints the same output, only slower.
const FILE = /[\\/]openapi-typescript[\\/]dist[\\/]transform[\\/]operation-object\.mjs$/;
const APPEND_START = 'operations.members = ts.factory.createNodeArray([\n    ...operations.members,\n';
const APPEND_END = '\n  ]);\n}\n';
export const HELPER = `
/** notai-codegen (scripts/linear-operations.mjs): append in place, O(1) instead of a copy per operation. */
function __notaiAppendMember(operations, member) {
  const members = operations.members;
  members.push(member);
  members.transformFlags |= ts.factory.createNodeArray([member]).transformFlags;
}
`;

/** The module's text with the append made linear; throws when the text is not the one this was written for. */
export function linearOperations(source) {
  const start = source.indexOf(APPEND_START);
  if (start < 0 || source.indexOf(APPEND_START, start + 1) >= 0) throw new Error('linear-operations: openapi-typescript changed its injectOperationObject; update scripts/linear-operations.mjs');
  const end = source.indexOf(APPEND_END, start);
  if (end < 0) throw new Error('linear-operations: the end of openapi-typescript\'s injectOperationObject was not found');
  const call = source.slice(start + APPEND_START.length, end);
  return `${source.slice(0, start)}__notaiAppendMember(operations,\n${call}\n  );\n}\n${source.slice(end + APPEND_END.length)}${HELPER}`;
}

export function linearOperationsPlugin() {
  return {
    name: 'linear-operations',
    setup(build) {
      let patched = 0;
      build.onLoad({ filter: FILE }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        patched += 1;
        return { contents: linearOperations(await readFile(args.path, 'utf8')), loader: 'js' };
      });
      build.onEnd((result) => {
        if (result.errors.length === 0 && patched === 0) throw new Error('linear-operations: openapi-typescript\'s operation-object.mjs was not bundled; update scripts/linear-operations.mjs');
      });
    },
  };
}

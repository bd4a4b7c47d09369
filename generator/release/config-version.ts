import { readFile, writeFile } from 'node:fs/promises';
import { isMap, isScalar, parseDocument } from 'yaml';

/**
 * Sets `package.version` in the codegen config by editing its text in place: the file is
 * hand-written and reviewed, so a release must change the version line and nothing else (yaml's
 * own printer re-wraps long lines, re-spaces comments and rewrites flow maps).
 */
export async function setConfigPackageVersion(file: string, version: string): Promise<void> {
  await writeFile(file, withPackageVersion(await readFile(file, 'utf8'), version));
}

/** The config text with `package.version` set; every other byte is kept. */
export function withPackageVersion(text: string, version: string): string {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`Not a semver version: ${version}`);
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`Cannot parse the config: ${doc.errors[0]?.message ?? 'invalid YAML'}`);
  const edited = editInPlace(text, doc, version);
  const check = parseDocument(edited);
  // The edit is checked, not trusted: same document apart from the version, or a clear error.
  const expected = doc.toJS() as Record<string, unknown>;
  const actual = check.toJS() as Record<string, unknown>;
  const pkg = actual.package as Record<string, unknown> | undefined;
  if (check.errors.length > 0 || pkg?.version !== version || JSON.stringify(withoutVersion(actual)) !== JSON.stringify(withoutVersion(expected))) {
    throw new Error('Cannot set package.version in the config without rewriting it: set it by hand');
  }
  return edited;
}

function editInPlace(text: string, doc: ReturnType<typeof parseDocument>, version: string): string {
  const current = doc.getIn(['package', 'version'], true);
  if (isScalar(current) && current.range) {
    const [start, end] = current.range;
    return text.slice(0, start) + version + text.slice(end);
  }
  const pkg = doc.get('package', true);
  if (isMap(pkg) && !pkg.flow && pkg.items.length > 0) {
    const first = pkg.items[0]!.key;
    const last = pkg.items[pkg.items.length - 1]!;
    const firstStart = isScalar(first) && first.range ? first.range[0] : undefined;
    const lastEnd = isScalar(last.value) && last.value.range ? last.value.range[1] : undefined;
    if (firstStart !== undefined && lastEnd !== undefined) {
      const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
      const indent = text.slice(lineStart, firstStart);
      // After the end of the last entry's line (its comment included).
      const lineEnd = text.indexOf('\n', lastEnd);
      const at = lineEnd === -1 ? text.length : lineEnd;
      return `${text.slice(0, at)}\n${indent}version: ${version}${text.slice(at)}`;
    }
  }
  if (pkg === undefined) return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}package:\n  version: ${version}\n`;
  return text; // the check above reports it
}

function withoutVersion(doc: Record<string, unknown>): Record<string, unknown> {
  const pkg = doc.package;
  if (pkg === null || typeof pkg !== 'object') return doc;
  const { version: _version, ...rest } = pkg as Record<string, unknown>;
  const { package: _package, ...others } = doc;
  // A section that held only the version was added by the edit.
  return Object.keys(rest).length > 0 ? { ...others, package: rest } : others;
}

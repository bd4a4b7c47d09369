import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPackageVersion } from '../../generator/release/config-version.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Lines of `after` that are not in `before`, and the reverse: the whole change, line by line. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

describe('the release version bump edits one line of the config', () => {
  it('replaces an existing version and keeps every other byte (the pinned config)', async () => {
    const text = await readFile(join(ROOT, 'spec', 'codegen.config.yaml'), 'utf8');
    const bumped = withPackageVersion(text, '9.8.7');
    expect(bumped.length - text.length).toBe('9.8.7'.length - /version: (\S+)/.exec(text)![1]!.length);
    expect(changedLines(text, bumped)).toEqual({ added: ['  version: 9.8.7'], removed: [expect.stringMatching(/^ {2}version: /)] });
  });

  it.each([
    ['quoted', "package:\n  name: x  # the name\n  version: '1.0.0'   # kept comment\nlong: [a,   b]\n", "package:\n  name: x  # the name\n  version: 1.1.0   # kept comment\nlong: [a,   b]\n"],
    ['absent: added after the last entry and its comment', 'package:\n    name: x   # n\n    description: d\n# trailing\nclient: {}\n', 'package:\n    name: x   # n\n    description: d\n    version: 1.1.0\n# trailing\nclient: {}\n'],
    ['no package section', 'client:\n  className: X', 'client:\n  className: X\npackage:\n  version: 1.1.0\n'],
  ])('%s', (_name, input, output) => {
    expect(withPackageVersion(input, '1.1.0')).toBe(output);
  });

  it('refuses what it cannot edit in place, and a non-semver version', () => {
    expect(() => withPackageVersion('package: {name: x}\n', '1.1.0')).toThrow(/set it by hand/);
    expect(() => withPackageVersion('package:\n  name: x\n', '1.1')).toThrow(/Not a semver/);
    expect(() => withPackageVersion('package: [\n', '1.1.0')).toThrow(/Cannot parse/);
  });
});

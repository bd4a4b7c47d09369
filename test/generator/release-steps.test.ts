import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedTests, typeErrors } from '../../generator/release/test-run.js';
import { syncWorkspaceLock } from '../../generator/release/workspace-lock.js';
import { tempDir } from '../helpers/ir.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('a release names the tests that failed', () => {
  it('reads type errors from tsc and failed tests from vitest JSON, a file that failed to load included', () => {
    expect(typeErrors('examples/a.ts(3,7): error TS2339: Property x does not exist.\nFound 1 error.\n')).toEqual(['tsc: examples/a.ts(3,7): error TS2339: Property x does not exist.']);
    const report = {
      testResults: [
        { name: '/repo/test/a.test.ts', status: 'failed', assertionResults: [{ status: 'passed', fullName: 'ok' }, { status: 'failed', fullName: 'suite reads userUrl' }] },
        { name: '/repo/test/b.test.ts', status: 'failed', message: "Cannot find module './gone.js'\n  at …", assertionResults: [] },
        { name: '/repo/test/c.test.ts', status: 'passed', assertionResults: [{ status: 'passed', fullName: 'fine' }] },
      ],
    };
    expect(failedTests(report, '/repo')).toEqual(['test/a.test.ts > suite reads userUrl', "test/b.test.ts: Cannot find module './gone.js'"]);
  });
});

describe('the root lock follows the bumped workspace versions', () => {
  it('rewrites only the workspace entries, so npm ci accepts the lock', async () => {
    const dir = await tempDir('lock-');
    await cp(join(ROOT, 'package.json'), join(dir, 'package.json'));
    await cp(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
    const before = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
    for (const ws of ['generated', 'generated-mcp']) {
      await mkdir(join(dir, ws));
      const pkg = JSON.parse(await readFile(join(ROOT, ws, 'package.json'), 'utf8')) as Record<string, unknown> & { dependencies?: Record<string, string> };
      pkg.version = '7.0.0';
      if (pkg.dependencies?.['notai-client']) pkg.dependencies['notai-client'] = '7.0.0';
      await writeFile(join(dir, ws, 'package.json'), JSON.stringify(pkg));
    }
    expect(await syncWorkspaceLock(join(dir, 'package-lock.json'))).toEqual(['generated', 'generated-mcp']);
    const after = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as typeof before;
    expect([after.packages.generated?.version, after.packages['generated-mcp']?.version, (after.packages['generated-mcp']?.dependencies as Record<string, string>)['notai-client']]).toEqual(['7.0.0', '7.0.0', '7.0.0']);
    // Everything else byte for byte, key order included.
    const rest = (lock: typeof before) => JSON.stringify({ ...lock.packages, generated: undefined, 'generated-mcp': undefined });
    expect(rest(after)).toBe(rest(before));
    expect(Object.keys(after.packages['generated-mcp']!)).toEqual(Object.keys(before.packages['generated-mcp']!));
    // Idempotent: a second sync changes nothing.
    expect(await syncWorkspaceLock(join(dir, 'package-lock.json'))).toEqual([]);
  });
});

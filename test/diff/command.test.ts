import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDiffCommand } from '../../generator/diff/index.js';
import { FROZEN_SPEC_FILE } from '../helpers/pinned.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** The Not AI spec as pinned at 1.0.17.0, frozen under test/fixtures: releases do not move it. */
const PINNED = FROZEN_SPEC_FILE;
const OLD = join(import.meta.dirname, 'fixtures', 'pets-old.yaml');
const NEW = join(import.meta.dirname, 'fixtures', 'pets-new.yaml');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runDiffCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('runDiffCommand', () => {
  let dir: string;
  let sameAsPinned: string;
  let warningOnly: string;
  let withField: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diff-cli-'));
    const pinned = JSON.parse(await readFile(PINNED, 'utf8')) as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      paths: Record<string, { get: Record<string, unknown> }>;
    };
    sameAsPinned = join(dir, 'same.json');
    await writeFile(sameAsPinned, JSON.stringify(pinned));
    const deprecated = structuredClone(pinned);
    deprecated.paths['/v1/stats']!.get.deprecated = true;
    warningOnly = join(dir, 'deprecated.json');
    await writeFile(warningOnly, JSON.stringify(deprecated));
    const added = structuredClone(pinned);
    added.components.schemas.HealthResponse!.properties.region = { type: 'string' };
    withField = join(dir, 'with-field.yaml');
    await writeFile(withField, JSON.stringify(added, null, 2));
  });

  it('text: one line per change, then the verdict (3.0 nullable vs 3.1 type array is no change)', async () => {
    const { code, stdout, stderr } = await run([OLD, NEW]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'WARNING  -  Response property Pet.kind: enum value bird added (affects 2 operations: GET /pets, GET /pets/{id})',
        'BREAKING  -  Response property Pet.name became optional (affects 2 operations: GET /pets, GET /pets/{id})',
        'DOCS  -  Response property Pet.tag: description changed (used by 2 operations)',
        'NON-BREAKING  GET /pets  New optional query parameter kind',
        'NON-BREAKING  GET /pets/{id}  Path parameter petId was renamed to id (same position; positional arguments are unaffected)',
        'Verdict: major (1 breaking change, 1 warning, 2 non-breaking changes and 1 documentation change)',
        '',
      ].join('\n'),
    );
  });

  it('markdown: a pull-request body / changelog entry', async () => {
    const { code, stdout } = await run([OLD, NEW, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toBe(`## API changes 1.0.0 → 1.1.0: major

**Major** version bump: clients generated from the old spec can break. 1 breaking change, 1 warning, 2 non-breaking changes and 1 documentation change.

### Breaking changes

- Response property \`Pet.name\` became optional (affects 2 operations: \`GET /pets\`, \`GET /pets/{id}\`)

### Warnings

- Response property \`Pet.kind\`: enum value \`bird\` added (affects 2 operations: \`GET /pets\`, \`GET /pets/{id}\`)

### Non-breaking changes

- \`GET /pets\`: New optional query parameter \`kind\`
- \`GET /pets/{id}\`: Path parameter \`petId\` was renamed to \`id\` (same position; positional arguments are unaffected)

### Documentation

- Response property \`Pet.tag\`: description changed (used by 2 operations)
`);
  });

  it('json: { verdict, changes: [{ level, kind, operation?, pointer, side, message }] }', async () => {
    const { code, stdout } = await run([OLD, NEW, '--format=json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { verdict: string; changes: Record<string, unknown>[] };
    expect(report.verdict).toBe('major');
    expect(report.changes.map((c) => Object.keys(c))).toEqual([
      ['level', 'kind', 'pointer', 'side', 'message'],
      ['level', 'kind', 'pointer', 'side', 'message'],
      ['level', 'kind', 'pointer', 'side', 'message'],
      ['level', 'kind', 'operation', 'pointer', 'side', 'message'],
      ['level', 'kind', 'operation', 'pointer', 'side', 'message'],
    ]);
    expect(report.changes[3]).toEqual({
      level: 'non-breaking',
      kind: 'request-parameter-added',
      operation: 'GET /pets',
      pointer: '#/paths/~1pets/get/parameters/1',
      side: 'new',
      message: 'New optional query parameter `kind`',
    });
  });

  it('the pinned spec against an identical copy: no changes, patch, exit 0 even with --fail-on warning', async () => {
    const text = await run([PINNED, sameAsPinned, '--fail-on', 'warning']);
    expect(text).toEqual({ code: 0, stdout: 'No changes.\nVerdict: patch\n', stderr: '' });
    const md = await run([PINNED, sameAsPinned, '--format', 'markdown']);
    expect(md.stdout).toBe('## API changes 1.0.17.0 → 1.0.17.0: patch\n\nNo changes.\n');
    expect(JSON.parse((await run([PINNED, sameAsPinned, '--format', 'json'])).stdout)).toEqual({ verdict: 'patch', changes: [] });
  });

  it('the pinned spec plus one optional response field: one non-breaking change, minor', async () => {
    const { code, stdout } = await run([PINNED, withField, '--format', 'json', '--fail-on', 'warning']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      verdict: 'minor',
      changes: [
        {
          level: 'non-breaking',
          kind: 'response-property-added',
          operation: 'GET /health',
          pointer: '#/components/schemas/HealthResponse/properties/region',
          side: 'new',
          message: 'Response property `HealthResponse.region` was added',
        },
      ],
    });
  });

  it('--fail-on breaking exits 1 on a breaking change and 0 on warnings only', async () => {
    expect((await run([OLD, NEW, '--fail-on', 'breaking'])).code).toBe(1);
    expect((await run([NEW, NEW, '--fail-on', 'breaking'])).code).toBe(0);
    expect((await run([PINNED, warningOnly, '--fail-on', 'breaking'])).code).toBe(0);
  });

  it('--fail-on warning exits 1 on a warning', async () => {
    const { code, stdout } = await run([PINNED, warningOnly, '--fail-on', 'warning']);
    expect(code).toBe(1);
    expect(stdout).toBe('WARNING  GET /v1/stats  Operation was deprecated\nVerdict: minor (1 warning)\n');
  });

  it.each([
    [[], 'expected exactly two specs'],
    [[OLD], 'expected exactly two specs'],
    [[OLD, NEW, NEW], 'expected exactly two specs'],
    [[OLD, NEW, '--format', 'html'], 'unknown --format "html"'],
    [[OLD, NEW, '--fail-on', 'docs'], 'unknown --fail-on "docs"'],
    [[OLD, NEW, '--verbose'], "Unknown option '--verbose'"],
  ])('bad usage %j exits 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: notai-codegen diff <old> <new>');
  });

  it('loads multi-file specs through loadSpec (bundled refs compare structurally)', async () => {
    const multi = join(ROOT, 'test', 'fixtures', 'multi-file', 'openapi.yaml');
    expect(await run([multi, multi, '--fail-on', 'warning'])).toEqual({ code: 0, stdout: 'No changes.\nVerdict: patch\n', stderr: '' });
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--fail-on');
  });

  it('an unreadable or invalid spec exits 2 with one line naming the pointer', async () => {
    const missing = await run([join(dir, 'nope.yaml'), NEW]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^diff: Cannot read spec: file not found \(at .*nope\.yaml#\)\n$/);

    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' } }));
    const invalid = await run([OLD, broken]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
    expect(invalid.stderr).toContain('#/paths');
  });
});

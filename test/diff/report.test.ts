import { describe, expect, it } from 'vitest';
import { combineReports, formatReport, verdictOf, type Change, type DiffReport, type SurfaceChange } from '../../generator/diff/index.js';

const docs: Change = { level: 'non-breaking', kind: 'docs-description-changed', operation: 'GET /a', pointer: '#/paths/~1a/get', side: 'new', message: 'Operation: description changed' };
const added: Change = { level: 'non-breaking', kind: 'operation-added', operation: 'GET /b', pointer: '#/paths/~1b/get', side: 'new', message: 'Operation was added' };
const warning: Change = { level: 'warning', kind: 'operation-deprecated', operation: 'GET /a', pointer: '#/paths/~1a/get', side: 'new', message: 'Operation was deprecated' };
const breaking: Change = { level: 'breaking', kind: 'server-removed', pointer: '#/servers/1', side: 'old', message: 'Server `https://eu.example.test` was removed' };

describe('verdictOf', () => {
  it.each([
    [[], 'patch'],
    [[docs], 'patch'],
    [[docs, added], 'minor'],
    [[docs, warning], 'minor'],
    [[added, warning, breaking], 'major'],
  ] as const)('%#: %j → %s', (changes, verdict) => {
    expect(verdictOf(changes)).toBe(verdict);
  });
});

describe('formatReport', () => {
  const report: DiffReport = { verdict: 'major', changes: [breaking, docs, warning, added] };

  it('markdown groups by level, skips empty sections, and works without titles', () => {
    expect(formatReport({ verdict: 'patch', changes: [docs] }, 'markdown')).toBe(
      '## API changes: patch\n\n**Patch** version bump: documentation only. 1 documentation change.\n\n### Documentation\n\n- `GET /a`: Operation: description changed\n',
    );
    const md = formatReport(report, 'markdown', { old: '1.0', new: '2.0' });
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual(['## API changes 1.0 → 2.0: major', '### Breaking changes', '### Warnings', '### Non-breaking changes', '### Documentation']);
    expect(md).toContain('- Server `https://eu.example.test` was removed\n');
  });

  it('text strips backticks and marks global changes with -', () => {
    expect(formatReport(report, 'text')).toBe(
      [
        'BREAKING  -  Server https://eu.example.test was removed',
        'DOCS  GET /a  Operation: description changed',
        'WARNING  GET /a  Operation was deprecated',
        'NON-BREAKING  GET /b  Operation was added',
        'Verdict: major (1 breaking change, 1 warning, 1 non-breaking change and 1 documentation change)',
        '',
      ].join('\n'),
    );
  });

  it('json keeps the documented key order and omits a missing operation', () => {
    const parsed = JSON.parse(formatReport({ verdict: 'major', changes: [breaking] }, 'json')) as unknown;
    expect(JSON.stringify(parsed)).toBe(
      '{"verdict":"major","changes":[{"level":"breaking","kind":"server-removed","pointer":"#/servers/1","side":"old","message":"Server `https://eu.example.test` was removed"}]}',
    );
  });
});

describe('combineReports: spec and generated-client changes in one report', () => {
  const renamed: SurfaceChange = { level: 'breaking', kind: 'method-renamed', symbol: 'Pets.pets.get', side: 'old', message: 'Method renamed `Pets.pets.get` → `Pets.pets.retrieve`' };
  const method: SurfaceChange = { level: 'non-breaking', kind: 'method-added', symbol: 'Pets.pets.list', side: 'new', message: 'Method `Pets.pets.list` was added' };

  it.each([
    ['patch', [], 'patch'],
    ['patch', [method], 'minor'],
    ['minor', [renamed], 'major'],
    ['major', [method], 'major'],
    ['minor', [], 'minor'],
  ] as const)('%s spec verdict + %j → %s', (spec, surface, verdict) => {
    expect(combineReports({ verdict: spec, changes: [] }, surface).verdict).toBe(verdict);
  });

  it('sorts surface changes by level, then symbol, and keeps the spec changes', () => {
    const combined = combineReports({ verdict: 'minor', changes: [added] }, [method, renamed]);
    expect(combined).toEqual({ verdict: 'major', changes: [added], surface: [renamed, method] });
  });

  it('markdown: the generated client has its own section and its own count', () => {
    const md = formatReport(combineReports({ verdict: 'minor', changes: [added] }, [method, renamed]), 'markdown', { old: '1.0', new: '1.1' });
    expect(md).toBe(
      [
        '## API changes 1.0 → 1.1: major',
        '',
        '**Major** version bump: clients generated from the old spec can break. 1 non-breaking change. Generated client: 1 breaking change and 1 non-breaking change.',
        '',
        '### Non-breaking changes',
        '',
        '- `GET /b`: Operation was added',
        '',
        '### Generated client',
        '',
        '- **breaking**: Method renamed `Pets.pets.get` → `Pets.pets.retrieve`',
        '- **non-breaking**: Method `Pets.pets.list` was added',
        '',
      ].join('\n'),
    );
    expect(formatReport(combineReports({ verdict: 'patch', changes: [] }, [renamed]), 'markdown')).toContain('can break. No spec changes. Generated client: 1 breaking change.\n');
    expect(formatReport(combineReports({ verdict: 'minor', changes: [added] }, []), 'markdown')).toContain('### Generated client\n\nNo change to its public surface.\n');
  });

  it('text: a "Generated client:" block, and its count in the verdict line', () => {
    expect(formatReport(combineReports({ verdict: 'minor', changes: [added] }, [renamed]), 'text')).toBe(
      [
        'NON-BREAKING  GET /b  Operation was added',
        'Generated client:',
        'BREAKING  Pets.pets.get  Method renamed Pets.pets.get → Pets.pets.retrieve',
        'Verdict: major (1 non-breaking change; generated client: 1 breaking change)',
        '',
      ].join('\n'),
    );
  });

  it('json: a "surface" list beside "changes", only when the report has one', () => {
    const parsed = JSON.parse(formatReport(combineReports({ verdict: 'patch', changes: [] }, [renamed]), 'json')) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['verdict', 'changes', 'surface']);
    expect(JSON.stringify(parsed.surface)).toBe(
      '[{"level":"breaking","kind":"method-renamed","symbol":"Pets.pets.get","side":"old","message":"Method renamed `Pets.pets.get` → `Pets.pets.retrieve`"}]',
    );
    expect(Object.keys(JSON.parse(formatReport({ verdict: 'patch', changes: [] }, 'json')) as object)).toEqual(['verdict', 'changes']);
  });
});

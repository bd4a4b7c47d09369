import { describe, expect, it } from 'vitest';
import { formatReport, verdictOf, type Change, type DiffReport } from '../../generator/diff/index.js';

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

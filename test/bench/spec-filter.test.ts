import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specCases } from '../../bench/gen.js';
import { parseArgs } from '../../bench/run.js';

describe('bench --spec', () => {
  it('parses the spec names and makes the run partial', () => {
    expect(parseArgs(['--only', 'gen', '--spec', 'github']).specs).toEqual(['github']);
    expect(parseArgs(['--spec', 'pinned,graph', '--spec', 'github']).specs).toEqual(['pinned', 'graph', 'github']);
    expect(parseArgs([]).specs).toEqual([]);
    expect(() => parseArgs(['--spec', 'petstore'])).toThrow(/unknown --spec value "petstore"/);
    // A run on some specs never replaces the committed full report.
    expect(parseArgs(['--spec', 'github']).out).toBe(join(tmpdir(), 'notai-bench-gen-client-bundle-typecheck-github.md'));
    expect(parseArgs(['--only', 'gen', '--spec', 'github']).out).toBe(join(tmpdir(), 'notai-bench-gen-github.md'));
  });

  it('runs only the named cases; graph needs no --graph and warms up first', () => {
    const base = { smoke: false, runs: 3, graph: false };
    expect(specCases(base).map((c) => c.id)).toEqual(['pinned', 'github']);
    expect(specCases({ ...base, specs: ['github'] }).map((c) => c.id)).toEqual(['github']);
    const [graph, ...rest] = specCases({ ...base, specs: ['graph'] });
    expect(rest).toEqual([]);
    expect(graph).toMatchObject({ id: 'graph', runs: 3, warmup: true });
    expect(specCases({ ...base, graph: true }).find((c) => c.id === 'graph')).toMatchObject({ runs: 1, warmup: true });
  });
});

// scripts/publish-packages.ts with a stub `npm` (test/release/stubs/npm.ts) standing in for the
// registry: skips what is there, publishes the rest with provenance, client before MCP server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_ARGS } from '../../scripts/publish-packages.js';
import { bundle, cleanEnv, installStub, readJsonLines, ROOT, runNode } from './harness.js';
import type { NpmState } from './stubs/npm.js';

let tools: string;
let script: string;
let bin: string;

beforeAll(() => {
  tools = mkdtempSync(join(tmpdir(), 'publish-tools-'));
  script = bundle(join(ROOT, 'scripts', 'publish-packages.ts'), tools, 'publish-packages');
  bin = join(tools, 'bin');
  installStub(bin, 'npm', bundle(join(import.meta.dirname, 'stubs', 'npm.ts'), tools, 'npm'));
});

const dirs: string[] = [];
afterAll(() => {
  for (const dir of [tools, ...dirs]) rmSync(dir, { recursive: true, force: true });
});

interface Call {
  argv: string[];
  cwd: string;
  token: string | null;
}

interface Setup {
  registry?: Partial<NpmState>;
  client?: Record<string, unknown>;
  mcp?: Record<string, unknown>;
  env?: Record<string, string>;
}

const REPO = { type: 'git', url: 'git+https://github.com/acme/notai.git' };

function publish(setup: Setup = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'publish-'));
  dirs.push(dir);
  const manifest = (sub: string, fields: Record<string, unknown>): void => {
    mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, sub, 'package.json'), JSON.stringify(fields));
  };
  manifest('generated', { name: 'notai-client', version: '1.1.0', repository: REPO, ...setup.client });
  manifest('generated-mcp', { name: 'notai-mcp', version: '1.1.0', repository: { ...REPO, directory: 'generated-mcp' }, ...setup.mcp });
  const stateFile = join(dir, 'registry.json');
  writeFileSync(stateFile, JSON.stringify({ packages: { 'notai-client': ['1.0.17'] }, failPublish: [], viewError: [], ...setup.registry }));
  const log = join(dir, 'npm.log');
  const summary = join(dir, 'summary.md');
  const r = runNode(
    script,
    dir,
    cleanEnv(bin, { NPM_STUB_LOG: log, NPM_STUB_STATE: stateFile, NODE_AUTH_TOKEN: 'npm-token', GITHUB_REPOSITORY: 'acme/notai', GITHUB_STEP_SUMMARY: summary, ...setup.env }),
  );
  const read = (file: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    ...r,
    dir,
    calls: readJsonLines<Call>(log),
    registry: JSON.parse(read(stateFile)) as NpmState,
    summary: read(summary),
    manifests: ['generated', 'generated-mcp'].map((sub) => JSON.parse(read(join(dir, sub, 'package.json'))) as Record<string, unknown>),
  };
}

const verbs = (calls: Call[]): string[] => calls.map((c) => `${c.argv[0]} ${c.argv[0] === 'view' ? c.argv[1] : c.cwd.split('/').pop()}`);

describe('scripts/publish-packages.ts', () => {
  it('publishes notai-client, then notai-mcp, from their directories with provenance', () => {
    const r = publish();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(verbs(r.calls)).toEqual(['view notai-client@1.1.0', 'publish generated', 'view notai-mcp@1.1.0', 'publish generated-mcp']);
    for (const c of r.calls.filter((c) => c.argv[0] === 'publish')) {
      expect(c.argv).toEqual([...PUBLISH_ARGS]);
      expect(c.argv).toContain('--provenance');
      expect(c.token).toBe('npm-token');
    }
    expect(r.calls[0]?.argv).toEqual(['view', 'notai-client@1.1.0', 'version']);
    expect(r.registry.packages).toEqual({ 'notai-client': ['1.0.17', '1.1.0'], 'notai-mcp': ['1.1.0'] });
    expect(r.summary).toContain('notai-client@1.1.0: published with provenance');
  });

  it('skips a version already on the registry and publishes only what is missing', () => {
    const r = publish({ registry: { packages: { 'notai-client': ['1.0.17', '1.1.0'], 'notai-mcp': ['1.0.17'] } } });
    expect(r.status).toBe(0);
    expect(verbs(r.calls)).toEqual(['view notai-client@1.1.0', 'view notai-mcp@1.1.0', 'publish generated-mcp']);
    expect(r.stdout).toContain('notai-client@1.1.0 is already on the registry; skipped');
  });

  it('does nothing when both versions are published (a rerun)', () => {
    const r = publish({ registry: { packages: { 'notai-client': ['1.1.0'], 'notai-mcp': ['1.1.0'] } }, env: { NODE_AUTH_TOKEN: '' } });
    expect(r.status).toBe(0);
    expect(verbs(r.calls)).toEqual(['view notai-client@1.1.0', 'view notai-mcp@1.1.0']);
    expect(r.summary).toMatch(/notai-client@1.1.0: already on the registry\n- notai-mcp@1.1.0: already on the registry/);
  });

  it('stops at a failed notai-client publish, so notai-mcp never goes out without its client', () => {
    const r = publish({ registry: { failPublish: ['notai-client'] } });
    expect(r.status).toBe(1);
    expect(verbs(r.calls)).toEqual(['view notai-client@1.1.0', 'publish generated']);
    expect(r.stderr).toMatch(/npm publish of notai-client@1.1.0 failed/);
    expect(r.registry.packages['notai-mcp']).toBeUndefined();
  });

  it('fails, publishing nothing, when the registry cannot say whether a version exists', () => {
    const r = publish({ registry: { viewError: ['notai-client'] } });
    expect(r.status).toBe(1);
    expect(verbs(r.calls)).toEqual(['view notai-client@1.1.0']);
    expect(r.stderr).toMatch(/ETIMEDOUT/);
  });

  it('names the repository the workflow runs in when a package names none (provenance needs it)', () => {
    const r = publish({ client: { repository: undefined }, mcp: { repository: undefined } });
    expect(r.status).toBe(0);
    expect(verbs(r.calls)).toEqual(['view notai-client@1.1.0', 'publish generated', 'view notai-mcp@1.1.0', 'publish generated-mcp']);
    expect(r.manifests).toEqual([
      expect.objectContaining({ repository: { type: 'git', url: 'git+https://github.com/acme/notai.git', directory: 'generated' } }),
      expect.objectContaining({ repository: { type: 'git', url: 'git+https://github.com/acme/notai.git', directory: 'generated-mcp' } }),
    ]);
  });

  it('checks both manifests, the tag and the token before calling npm publish', () => {
    const cases: [Setup, RegExp][] = [
      [{ env: { RELEASE_TAG: 'v1.0.9' } }, /tag v1.0.9 does not match notai-client 1.1.0/],
      [{ mcp: { repository: undefined }, env: { GITHUB_REPOSITORY: '' } }, /generated-mcp\/package.json has no "repository" field and GITHUB_REPOSITORY is not set/],
      [{ client: { repository: 'https://github.com/someone-else/notai' } }, /is not github.com\/acme\/notai/],
      [{ mcp: { name: 'notai-server' } }, /expected the package notai-mcp/],
      [{ client: { private: true } }, /is private/],
    ];
    for (const [setup, message] of cases) {
      const r = publish(setup);
      expect(r.status, String(message)).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.calls).toEqual([]);
    }
    const tagged = publish({ env: { RELEASE_TAG: 'v1.1.0' } });
    expect(tagged.status).toBe(0);
    const noToken = publish({ env: { NODE_AUTH_TOKEN: '' } });
    expect(noToken.status).toBe(1);
    expect(noToken.stderr).toMatch(/NODE_AUTH_TOKEN is not set/);
    expect(verbs(noToken.calls)).toEqual(['view notai-client@1.1.0']);
  });
});

// The two generated packages as a user gets them from the registry: built the way publish.yml
// builds them (`npm run build`, npm workspaces), packed, installed from the tarballs into a fresh
// consumer, imported, started, and dry-run published. Tests never reach the network, and `npm
// install <tarball>` would ask the registry for the MCP SDK's metadata (npm ci caches tarballs, not
// metadata), so the tarballs are unpacked into node_modules as npm would lay them out, and the
// SDK, the one registry dependency, is linked from this repository's node_modules.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/ir.js';
import { scaled } from '../helpers/slowdown.js';
import { ok, packedPackages, ROOT, run } from './packed.js';

const PACKAGES = [
  { dir: 'generated', bin: undefined },
  { dir: 'generated-mcp', bin: 'notai-mcp' },
] as const;

interface Manifest {
  name: string;
  version: string;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  files?: string[];
  scripts?: Record<string, string>;
}

/** The workspace directory of a package name, or '' for a registry dependency. */
function dirOf(name: string): string {
  return [...manifests].find(([, m]) => m.name === name)?.[0] ?? '';
}

const manifests = new Map<string, Manifest>();
const tarballs: string[] = [];
let consumer: string;

beforeAll(async () => {
  for (const p of PACKAGES) manifests.set(p.dir, JSON.parse(await readFile(join(ROOT, p.dir, 'package.json'), 'utf8')) as Manifest);
  // Built (`npm run build`) and packed once per run: the generated-package test loads the same tarball.
  const packed = await packedPackages();
  for (const p of PACKAGES) tarballs.push(packed[p.dir]);
  consumer = await tempDir('consumer-');
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  for (const [i, p] of PACKAGES.entries()) {
    const target = join(consumer, 'node_modules', manifests.get(p.dir)!.name);
    await mkdir(target, { recursive: true });
    ok(run('tar', ['-xzf', tarballs[i]!, '-C', target, '--strip-components=1'], consumer), `unpack ${p.dir}`);
  }
  const mcp = manifests.get('generated-mcp')!;
  for (const dep of Object.keys(mcp.dependencies ?? {}).filter((d) => !manifests.has(dirOf(d)))) {
    await mkdir(dirname(join(consumer, 'node_modules', dep)), { recursive: true });
    await symlink(join(ROOT, 'node_modules', dep), join(consumer, 'node_modules', dep));
  }
}, scaled(600_000));

describe('the generated packages, packed and installed', () => {
  it('installs notai-client from its tarball: ESM and CommonJS, with the version it was released as', async () => {
    const client = manifests.get('generated')!;
    const esm = ok(run('node', ['--input-type=module', '-e', `import * as m from ${JSON.stringify(client.name)}; const c = new m.NotAi({ apiKey: 'aik_v1_' + 'a'.repeat(40) }); console.log(typeof c.sessions.list, typeof m.APIError);`], consumer), 'import');
    expect(esm.trim()).toBe('function function');
    const cjs = ok(run('node', ['-e', `const m = require(${JSON.stringify(client.name)}); console.log(typeof m.NotAi);`], consumer), 'require');
    expect(cjs.trim()).toBe('function');
    const installed = JSON.parse(await readFile(join(consumer, 'node_modules', client.name, 'package.json'), 'utf8')) as Manifest;
    expect(installed.version).toBe(client.version);
    // What `files` ships: the builds, the sources for go-to-definition, README and CHANGELOG if any.
    const listed = ok(run('tar', ['-tzf', tarballs[0]!], consumer), 'list').split('\n');
    expect(listed).toEqual(expect.arrayContaining(['package/dist/esm/index.js', 'package/dist/esm/index.d.ts', 'package/dist/cjs/index.js', 'package/src/index.ts', 'package/README.md']));
    expect(listed.filter((f) => /node_modules|\.test\.|codegen\.lock/.test(f))).toEqual([]);
  });

  it('starts notai-mcp from its bin (on the installed client) and answers --help', () => {
    const mcp = manifests.get('generated-mcp')!;
    const [, binPath] = Object.entries(mcp.bin ?? {})[0]!;
    const r = run('node', [join(consumer, 'node_modules', mcp.name, binPath)], consumer, {}, ['--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('NOTAI_API_KEY');
  });

  it('passes npm publish --dry-run for both, in publishing order', () => {
    for (const p of PACKAGES) {
      const { name, version, scripts = {} } = manifests.get(p.dir)!;
      // The only script `npm publish` would run is prepublishOnly's `npm run build`, which
      // beforeAll ran on this same tree: running it again (a tsc build of the MCP package) proved
      // nothing more, so publish skips scripts. A new publish-time script fails here first.
      const lifecycle = Object.entries(scripts).filter(([k]) => /^(pre|post)?(publish|publishOnly|pack|prepare)$/.test(k));
      expect(lifecycle.filter(([k, v]) => !(k === 'prepublishOnly' && v === 'npm run build')), p.dir).toEqual([]);
      const r = run('npm', ['publish', '--dry-run', '--offline', '--ignore-scripts', '--access', 'public', '--tag', 'dry-run'], join(ROOT, p.dir));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toContain(`${name}@${version}`);
    }
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../../generator/cli.js';
import { readConfigFile, resolveConfig } from '../../generator/config.js';
import { ROOT } from './code-blocks.js';

/**
 * The project's own docs stay true: the root README documents every CLI command and flag the
 * CLI has, every config key the config has, every flag of the release script, and the release
 * workflow's triggers; every `npm run` script the docs mention exists; every relative link
 * resolves; the README still opens with the two commands.
 */
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const DOCS = ['README.md', 'CONTRIBUTING.md', 'docs/config.md', 'examples/README.md', 'docs/naming.md'];

async function help(args: string[]): Promise<string> {
  let out = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
  expect(code, args.join(' ')).toBe(0);
  return out;
}

/** The README text between a heading and the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, `README has "${heading}"`).toBeGreaterThanOrEqual(0);
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

const flagsOf = (text: string): string[] => [...new Set(text.match(/(?<![\w-])--?[a-z][a-z-]*/g) ?? [])];

describe('root README', () => {
  it('opens with the two commands', () => {
    expect(read('README.md').split('\n').slice(0, 6)).toEqual([
      '# notai-codegen',
      '',
      '```sh',
      'npm ci && npm run generate   # regenerate generated/ from the pinned spec (offline, no API key)',
      'npm ci && npm test           # type-check, then run every test (nothing touches the network)',
      '```',
    ]);
  });

  it('documents every CLI command and every flag of each', async () => {
    const usage = await help(['--help']);
    const commands = [...usage.slice(usage.indexOf('Commands:')).matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['generate', 'fetch', 'diff']));
    const readme = read('README.md');
    for (const command of commands) {
      const documented = section(readme, `### \`${command}\``);
      const flags = flagsOf(await help([command, '--help']));
      expect(flags.length, command).toBeGreaterThan(0);
      for (const flag of flags) expect(documented, `${command} ${flag}`).toContain(`\`${flag}`);
    }
  });

  it('documents every flag of npm run spec:release', () => {
    const source = read('scripts/spec-release.ts');
    const options = source.slice(source.indexOf('options: {'), source.indexOf('},\n});'));
    const flags = [...options.matchAll(/^\s+'?([a-z][a-z-]*)'?: \{ type:/gm)].map((m) => `--${m[1]}`);
    expect(flags.length).toBeGreaterThanOrEqual(5);
    const documented = section(read('README.md'), '## How a spec release flows');
    for (const flag of flags) expect(documented).toContain(flag);
  });

  it('describes the release workflow as it is configured', () => {
    const workflow = parseYaml(read('.github/workflows/spec-release.yml')) as {
      on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> }; repository_dispatch: { types: string[] } };
    };
    const documented = section(read('README.md'), '## How a spec release flows');
    const [minute, hour] = workflow.on.schedule[0]!.cron.split(' ');
    expect(documented).toContain(`${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')} UTC`);
    for (const input of Object.keys(workflow.on.workflow_dispatch.inputs)) expect(documented).toContain(`\`${input}\``);
    for (const type of workflow.on.repository_dispatch.types) expect(documented).toContain(`\`${type}\``);
  });

  it('lists every config key, here and in docs/config.md', async () => {
    const pinned = resolveConfig(await readConfigFile(join(ROOT, 'spec', 'codegen.config.yaml')), { title: 'Not AI Public API' });
    const empty = resolveConfig({ data: {} }, { title: 'Widget Works API' });
    // Maps whose keys are the user's own (regions, header forms, codes, operations) are one key.
    const opaque = new Set(['auth.headers', 'regions', 'errors.knownCodes', 'operations', 'pagination', 'mcp', 'responseHeaders.fields']);
    const keys = new Set<string>();
    const walk = (value: unknown, path: string): void => {
      if (path && (opaque.has(path) || typeof value !== 'object' || value === null || Array.isArray(value))) {
        keys.add(path);
        return;
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(pinned, '');
    walk(empty, '');
    expect(keys.size).toBeGreaterThan(15);
    const table = section(read('README.md'), '## Config');
    const reference = read('docs/config.md');
    for (const key of keys) {
      expect(table, key).toContain(`\`${key}`);
      expect(reference, key).toContain(`\`${key}`);
    }
  });
});

describe('every doc', () => {
  it('mentions only npm scripts that exist', () => {
    // The repository's scripts, and the generated package's (`cd my-client && npm run build`).
    const scriptsOf = (file: string): string[] => Object.keys((JSON.parse(read(file)) as { scripts: Record<string, string> }).scripts);
    const scripts = [...scriptsOf('package.json'), ...scriptsOf('generated/package.json')];
    for (const file of DOCS) {
      for (const [, name] of read(file).matchAll(/npm run ([\w:-]+)/g)) expect(scripts, `${file}: npm run ${name}`).toContain(name);
    }
  });

  it('links only to files that exist', () => {
    for (const file of DOCS) {
      for (const [, target] of read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        expect(existsSync(join(ROOT, dirname(file), target!)), `${file} → ${target}`).toBe(true);
      }
    }
  });

  it('names only repository paths that exist', () => {
    // Backticked paths like `generator/ir/types.ts` or `test/docs/` in prose.
    const prefixes = /^(generator|templates|test|spec|scripts|examples|docs|bin|\.github|\.ci)\//;
    for (const file of DOCS) {
      for (const [, path] of read(file).matchAll(/`([\w./-]+)`/g)) {
        if (!prefixes.test(path!) || /[<>*]|\.\.\./.test(path!)) continue;
        expect(existsSync(join(ROOT, path!)), `${file} names ${path}`).toBe(true);
      }
    }
  });
});

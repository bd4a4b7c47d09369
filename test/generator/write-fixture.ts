/**
 * Shared by the write tests and their child processes: one generated package per `label`, and a
 * set of user files (not generated) that no write may lose.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'write-child.ts');

/** A package as the generator would emit it; every file names `label`, so mixed output shows. */
export function generatedFiles(label: string, extra = 0): Map<string, string> {
  const files = new Map<string, string>([
    ['package.json', `{\n  "//": "Generated from Widget API ${label} by notai-codegen. Do not edit.",\n  "name": "widget"\n}\n`],
    ['codegen.lock.json', `{"label":"${label}"}\n`],
    ['README.md', `# Widget ${label}\n`],
    ['src/index.ts', `export const label = '${label}';\n`],
    ['src/runtime/fetch.ts', `// runtime ${label}\n`],
  ]);
  for (let i = 0; i < 20 + extra; i += 1) files.set(`src/resources/r${i}.ts`, `// resource ${i} of ${label}\n`);
  return files;
}

export const USER_EXTRA_FILES = 300;

/** Files a user keeps next to the generated ones (release notes, a build, anything else). */
export async function addUserFiles(out: string): Promise<void> {
  await mkdir(join(out, 'dist', 'esm'), { recursive: true });
  await mkdir(join(out, 'extra'), { recursive: true });
  await writeFile(join(out, 'CHANGELOG.md'), '# Changelog\n');
  await writeFile(join(out, 'dist', 'esm', 'index.js'), 'built');
  await Promise.all(Array.from({ length: USER_EXTRA_FILES }, (_, i) => writeFile(join(out, 'extra', `f${i}.txt`), `user ${i}`)));
}

/** Throws naming the first user file that is missing or changed. */
export async function expectUserFiles(out: string): Promise<void> {
  const problems: string[] = [];
  const check = async (rel: string, text: string) => {
    const current = await readFile(join(out, rel), 'utf8').catch(() => undefined);
    if (current !== text) problems.push(`${rel}: ${current === undefined ? 'missing' : 'changed'}`);
  };
  await check('CHANGELOG.md', '# Changelog\n');
  await check('dist/esm/index.js', 'built');
  for (let i = 0; i < USER_EXTRA_FILES; i += 1) await check(`extra/f${i}.txt`, `user ${i}`);
  if (problems.length > 0) throw new Error(`user files lost in ${out}: ${problems.length}, first ${problems.slice(0, 5).join(', ')}`);
}

/** Which label the output carries; throws when its generated files mix labels. */
export async function labelOf(out: string): Promise<string> {
  const label = (JSON.parse(await readFile(join(out, 'codegen.lock.json'), 'utf8')) as { label: string }).label;
  const want = generatedFiles(label);
  for (const [rel, text] of want) {
    const current = await readFile(join(out, rel), 'utf8').catch(() => undefined);
    if (current !== text) throw new Error(`${out}/${rel} is not version ${label}'s`);
  }
  return label;
}

/** Hidden entries beside or inside the output (staging, locks, temp files): a finished write leaves none. */
export async function leftovers(parent: string, name: string): Promise<string[]> {
  const beside = (await readdir(parent)).filter((e) => e !== name);
  const inside = (await readdir(join(parent, name))).filter((e) => e.startsWith('.'));
  return [...beside, ...inside.map((e) => `${name}/${e}`)];
}

/** Runs write-child.ts: writes `label`'s package into `out` `times` times, pausing at `pause` when given. */
export function spawnWriter(out: string, label: string, pause?: string, times = 1): ChildProcess {
  const env = { ...process.env };
  delete env.NOTAI_CODEGEN_TEST_PAUSE;
  if (pause) env.NOTAI_CODEGEN_TEST_PAUSE = pause;
  return spawn(process.execPath, ['--import', 'tsx', CHILD, out, label, String(times)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves once the child reports it paused at `phase`; rejects if it exits first. */
export function pausedAt(child: ChildProcess, phase: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`paused at ${phase}`)) resolve();
    });
    child.on('exit', (code, signal) => reject(new Error(`writer exited (${code ?? signal}) before pausing at ${phase}: ${stderr}`)));
  });
}

/** Resolves with the exit code (or signal) and stderr. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode, stderr });
    else child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

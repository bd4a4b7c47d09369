// Publishes notai-client, then notai-mcp (which depends on it), each from its own directory, with
// npm provenance. Run by .github/workflows/publish.yml after `npm ci` and `npm run build`:
//
//   NODE_AUTH_TOKEN=… [RELEASE_TAG=v1.2.3] npx tsx scripts/publish-packages.ts
//
// Idempotent: a version the registry already has is skipped, so a rerun after a partial failure
// publishes only what is missing. A failure stops the run before the next package, so notai-mcp
// never reaches the registry without the notai-client version it depends on.
// docs/decisions.md #48 says why.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** In publishing order: a package's dependencies come before it. */
export const PACKAGES = [
  { dir: 'generated', name: 'notai-client' },
  { dir: 'generated-mcp', name: 'notai-mcp' },
] as const;

export const PUBLISH_ARGS = ['publish', '--provenance', '--access', 'public'] as const;

export class PublishError extends Error {}

export interface Manifest {
  dir: string;
  name: string;
  version: string;
  /** Written into package.json before publishing: the package names no repository of its own. */
  repository?: { type: 'git'; url: string; directory: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks a package.json before anything is published. */
export function readManifest(root: string, dir: string, expectedName: string, repository: string | undefined): Manifest {
  const file = join(root, dir, 'package.json');
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRecord(data)) throw new PublishError(`${file} is not a JSON object`);
  const { name, version, private: isPrivate, repository: repo } = data;
  if (name !== expectedName) throw new PublishError(`${file}: expected the package ${expectedName}, found ${JSON.stringify(name)}`);
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version))
    throw new PublishError(`${file}: version ${JSON.stringify(version)} is not a semver version`);
  if (isPrivate === true) throw new PublishError(`${file} is private`);
  // npm checks a provenance statement against package.json's repository and refuses the upload
  // when they differ; say so before anything is published rather than halfway through.
  const url = typeof repo === 'string' ? repo : isRecord(repo) && typeof repo.url === 'string' ? repo.url : undefined;
  if (url === undefined) {
    // The generator cannot know where its output is published from (the config may say, with
    // package.repository); the workflow does, and provenance must name exactly that repository.
    if (repository) return { dir, name, version, repository: { type: 'git', url: `git+https://github.com/${repository}.git`, directory: dir } };
    throw new PublishError(`${file} has no "repository" field and GITHUB_REPOSITORY is not set; npm refuses provenance without one`);
  }
  const normal = url.toLowerCase().replace(/\.git$/, '').replace(/^github:/, 'github.com/');
  if (repository && !(normal === repository.toLowerCase() || normal.endsWith(`github.com/${repository.toLowerCase()}`)))
    throw new PublishError(`${file}: repository ${url} is not github.com/${repository}, where this workflow runs; npm would refuse the provenance`);
  return { dir, name, version };
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function npm(args: readonly string[], cwd: string, capture: boolean): Run {
  process.stdout.write(`publish: (${cwd}) npm ${args.join(' ')}\n`);
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', stdio: capture ? 'pipe' : 'inherit' });
  if (result.error) throw new PublishError(`npm ${args.join(' ')}: ${result.error.message}`);
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Whether the registry has name@version; throws when it cannot tell (network, auth). */
export function isPublished(root: string, m: Manifest): boolean {
  const r = npm(['view', `${m.name}@${m.version}`, 'version'], root, true);
  if (r.status === 0) return r.stdout.trim() === m.version; // an unknown version of a known package prints nothing
  if (/\bE404\b|404 Not Found/.test(r.stderr + r.stdout)) return false; // a package never published
  throw new PublishError(`npm view ${m.name}@${m.version} failed (exit ${r.status}): ${r.stderr.trim() || r.stdout.trim()}`);
}

/** Adds `repository` to a package.json in the workflow's checkout (never committed). */
function writeRepository(file: string, repository: NonNullable<Manifest['repository']>): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify({ ...data, repository }, null, 2)}\n`);
  process.stdout.write(`publish: ${file}: repository set to ${repository.url} (${repository.directory})\n`);
}

export function main(env: NodeJS.ProcessEnv, root: string): void {
  const manifests = PACKAGES.map((p) => readManifest(root, p.dir, p.name, env.GITHUB_REPOSITORY));
  const client = manifests[0];
  if (env.RELEASE_TAG && client && env.RELEASE_TAG !== `v${client.version}`)
    throw new PublishError(`tag ${env.RELEASE_TAG} does not match ${client.name} ${client.version} (expected v${client.version})`);
  const summary: string[] = [];
  for (const m of manifests) {
    if (isPublished(root, m)) {
      process.stdout.write(`publish: ${m.name}@${m.version} is already on the registry; skipped\n`);
      summary.push(`- ${m.name}@${m.version}: already on the registry`);
      continue;
    }
    if (!env.NODE_AUTH_TOKEN) throw new PublishError(`NODE_AUTH_TOKEN is not set; cannot publish ${m.name}@${m.version}`);
    if (m.repository) writeRepository(join(root, m.dir, 'package.json'), m.repository);
    const r = npm(PUBLISH_ARGS, join(root, m.dir), false);
    if (r.status !== 0) throw new PublishError(`npm publish of ${m.name}@${m.version} failed (exit ${r.status}); later packages were not published`);
    summary.push(`- ${m.name}@${m.version}: published with provenance`);
  }
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `### npm\n${summary.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.env, process.cwd());
  } catch (error) {
    process.stderr.write(`publish: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

// A stand-in for npm in test/release: records each call ({argv, cwd}, one JSON line) in
// $NPM_STUB_LOG and answers from a registry kept in $NPM_STUB_STATE. `npm view name@version
// version` prints the version when the registry has it, nothing when the package exists without
// that version, and fails with E404 for a package it has never seen, as npm does.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NpmState {
  /** Published versions by package name. */
  packages: Record<string, string[]>;
  /** Packages whose publish fails (E403). */
  failPublish: string[];
  /** Packages whose `npm view` fails with a network error. */
  viewError: string[];
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function main(): void {
  const argv = process.argv.slice(2);
  const logFile = process.env.NPM_STUB_LOG;
  const stateFile = process.env.NPM_STUB_STATE;
  if (!logFile || !stateFile) fail('npm stub: NPM_STUB_LOG and NPM_STUB_STATE must be set');
  appendFileSync(logFile, `${JSON.stringify({ argv, cwd: process.cwd(), token: process.env.NODE_AUTH_TOKEN ?? null })}\n`);
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as NpmState;

  if (argv[0] === 'view') {
    const spec = argv[1] ?? fail('npm stub: view needs a package');
    const at = spec.lastIndexOf('@');
    const name = spec.slice(0, at);
    const version = spec.slice(at + 1);
    if (state.viewError.includes(name)) fail('npm error code ETIMEDOUT\nnpm error network request to https://registry.npmjs.org/ failed');
    const versions = state.packages[name];
    if (!versions) fail(`npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/${name} - Not found`);
    if (versions.includes(version)) process.stdout.write(`${version}\n`);
    return;
  }
  if (argv[0] === 'publish') {
    const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { name: string; version: string };
    if (state.failPublish.includes(manifest.name)) fail('npm error code E403\nnpm error 403 Forbidden - PUT https://registry.npmjs.org/ - You do not have permission');
    const versions = state.packages[manifest.name] ?? [];
    if (versions.includes(manifest.version)) fail(`npm error code E403\nnpm error You cannot publish over the previously published versions: ${manifest.version}.`);
    state.packages[manifest.name] = [...versions, manifest.version];
    writeFileSync(stateFile, JSON.stringify(state, null, 2));
    process.stdout.write(`+ ${manifest.name}@${manifest.version}\n`);
    return;
  }
  fail(`npm stub: unsupported command: ${argv.join(' ')}`);
}

main();

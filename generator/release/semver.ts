export type Verdict = 'major' | 'minor' | 'patch';

/**
 * Bumps a semver by a diff verdict. Below 1.0.0 a breaking change bumps the minor, as npm's
 * caret ranges treat 0.x minors as breaking.
 */
export function bumpVersion(version: string, verdict: Verdict): string {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match) throw new Error(`Not a semver version: ${version}`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (verdict === 'major') return major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
  if (verdict === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDocsKind } from '../../generator/diff/index.js';
import { RULES, rulesMarkdown, type RuleId } from '../../generator/diff/rules.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ids = Object.keys(RULES) as RuleId[];

/** The walkers' sources: every file that emits by rule id. */
async function emitterSources(): Promise<{ file: string; text: string }[]> {
  const dirs = ['generator/diff', 'generator/release'];
  const out: { file: string; text: string }[] = [];
  for (const dir of dirs) {
    for (const name of (await readdir(join(ROOT, dir))).filter((n) => n.endsWith('.ts') && n !== 'rules.ts')) {
      out.push({ file: `${dir}/${name}`, text: await readFile(join(ROOT, dir, name), 'utf8') });
    }
  }
  return out;
}

describe('the rules table', () => {
  it('docs/diff-rules.md is what the table produces (run `npx tsx scripts/diff-rules-doc.ts` after changing a rule)', async () => {
    expect(await readFile(join(ROOT, 'docs', 'diff-rules.md'), 'utf8')).toBe(rulesMarkdown());
  });

  it('every row has a kebab-case id, a level, a side and a one-line description', () => {
    for (const id of ids) {
      const rule = RULES[id];
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(['breaking', 'warning', 'non-breaking']).toContain(rule.level);
      expect(['old', 'new']).toContain(rule.side);
      expect(rule.description).toMatch(/^\S.*\.$/);
      expect(rule.description).not.toContain('\n');
      // Documentation rules are the docs-* kinds, and never more than non-breaking.
      expect(rule.section === 'docs').toBe(isDocsKind(id));
      if (rule.section === 'docs') expect(rule.level).toBe('non-breaking');
    }
  });

  it('every id a walker emits is in the table (literal ids, and the suffix of every templated one)', async () => {
    const sources = await emitterSources();
    // A quoted or templated kebab-case name ending in a change verb is a rule id (or its suffix).
    const verbs = '(?:changed|added|removed|renamed|widened|narrowed|nullable|increased|decreased|deprecated|required|optional|incompatible)';
    const literal = new RegExp(`'([a-z][a-z0-9]*(?:-[a-z0-9]+)*-${verbs})'`, 'g');
    const templated = new RegExp(`\`\\$\\{[^}]+\\}-([a-z0-9-]*${verbs})\``, 'g');
    let seen = 0;
    for (const { file, text } of sources) {
      for (const m of text.matchAll(literal)) {
        seen++;
        expect(ids, `${file}: ${m[1]!}`).toContain(m[1]!);
      }
      for (const m of text.matchAll(templated)) {
        seen++;
        expect(
          ids.some((id) => id.endsWith(`-${m[1]!}`)),
          `${file}: -${m[1]!}`,
        ).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(40);
  });

  it('levels follow the direction: what narrows a request or widens a response is what breaks', () => {
    expect(RULES['request-property-became-required'].level).toBe('breaking');
    expect(RULES['response-property-became-required'].level).toBe('non-breaking');
    expect(RULES['response-property-became-optional'].level).toBe('breaking');
    expect(RULES['request-parameter-max-decreased'].level).toBe('breaking');
    expect(RULES['response-property-max-increased'].level).toBe('warning');
    expect(RULES['request-parameter-min-decreased'].level).toBe('non-breaking');
    expect(RULES['response-body-enum-value-added'].level).toBe('warning');
    expect(RULES['request-body-enum-value-added'].level).toBe('non-breaking');
  });
});

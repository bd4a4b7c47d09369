import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check } from 'prettier';
import { describe, expect, it } from 'vitest';
import { PRETTIER } from '../../generator/format/index.js';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');

/** The generator copies runtime templates without formatting them, so they must already be formatted. */
describe('runtime templates are prettier-clean', () => {
  it.each(['runtime', 'mcp'])('templates/%s', async (dir) => {
    const files = (await readdir(join(TEMPLATES, dir))).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const unformatted: string[] = [];
    for (const file of files) {
      if (!(await check(await readFile(join(TEMPLATES, dir, file), 'utf8'), { ...PRETTIER, parser: 'typescript' }))) unformatted.push(file);
    }
    expect(unformatted).toEqual([]);
  });
});

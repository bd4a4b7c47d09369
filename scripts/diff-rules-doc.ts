// npx tsx scripts/diff-rules-doc.ts — rewrites docs/diff-rules.md from the rules table
// (generator/diff/rules.ts); test/diff/rules-table.test.ts fails until it is current.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rulesMarkdown } from '../generator/diff/rules.js';

await writeFile(join(import.meta.dirname, '..', 'docs', 'diff-rules.md'), rulesMarkdown());

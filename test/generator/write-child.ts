/**
 * Child process of the write tests: `write-child.ts <out> <label> [times]` writes one version's
 * package, `times` times over (default once) so that concurrent children overlap.
 */
import { writeAtomically } from '../../generator/write.js';
import { generatedFiles } from './write-fixture.js';

const [out, label, times = '1'] = process.argv.slice(2);
if (!out || !label) throw new Error('usage: write-child.ts <out> <label>');
for (let i = 0; i < Number(times); i += 1) await writeAtomically(out, generatedFiles(label), { lockWaitMs: 600_000, onWait: () => {} });

/**
 * The floor of a generator run: what any Node generator must pay before it does any work of its
 * own. It starts Node, reads the spec, parses it (JSON.parse; YAML specs are not measured),
 * serialises it once and writes as many bytes as our generator writes, in one file. Plain JS so
 * no loader (tsx) is in its start-up.
 *
 * Usage: node floor.mjs <spec> <out dir> <bytes>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [spec, out, bytesArg] = process.argv.slice(2);
if (spec === undefined || out === undefined || bytesArg === undefined) {
  process.stderr.write('usage: floor.mjs <spec> <out dir> <bytes>\n');
  process.exit(2);
}
const text = JSON.stringify(JSON.parse(readFileSync(spec, 'utf8')));
const bytes = Number(bytesArg);
// The serialised spec, repeated or cut to the size of our output.
const body = text.repeat(Math.ceil(bytes / Math.max(text.length, 1))).slice(0, bytes);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'floor.txt'), body);

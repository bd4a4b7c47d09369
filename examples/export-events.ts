/**
 * Exports every event of a session to NDJSON (one JSON object per line), resumably: after each
 * page it records the next cursor and the file length in `<out>.checkpoint.json`. Run it again
 * after an interruption and it continues from the last complete page, dropping any half-written
 * page first. The checkpoint is removed when the export is complete.
 *
 *   NOTAI_API_KEY=aik_v1_… npx tsx examples/export-events.ts <sessionId> [--out <file>] [--max-pages <n>]
 *
 * --max-pages stops early on purpose (to try resuming). NOTAI_BASE_URL points it at another server.
 */
import { open, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { NotAi, NotAiError } from '../generated/src/index.js';

interface Checkpoint {
  sessionId: string;
  /** Cursor of the next page to fetch. */
  cursor: string;
  /** Length of the output file after the last complete page. */
  bytes: number;
  events: number;
}

async function readCheckpoint(file: string): Promise<Checkpoint | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Checkpoint;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a checkpoint. */
async function writeCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(checkpoint));
  await rename(`${file}.tmp`, file);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' }, 'max-pages': { type: 'string' } },
    allowPositionals: true,
  });
  const sessionId = positionals[0];
  if (!sessionId) throw new Error('usage: export-events.ts <sessionId> [--out <file>] [--max-pages <n>]');
  const out = values.out ?? `${sessionId}.events.ndjson`;
  const checkpointFile = `${out}.checkpoint.json`;
  const maxPages = values['max-pages'] === undefined ? undefined : Number(values['max-pages']);

  const saved = await readCheckpoint(checkpointFile);
  if (saved && saved.sessionId !== sessionId) throw new Error(`${checkpointFile} belongs to session ${saved.sessionId}, not ${sessionId}`);
  if (saved) {
    await truncate(out, saved.bytes); // drop a page that was written but not checkpointed
    console.error(`resuming after ${saved.events} events`);
  }
  let bytes = saved?.bytes ?? 0;
  let events = saved?.events ?? 0;

  const client = new NotAi({ baseUrl: process.env.NOTAI_BASE_URL || undefined });
  const file = await open(out, saved ? 'a' : 'w');
  let finished = false;
  try {
    // A saved cursor resumes the walk from that page; the other parameters must stay the same.
    const walk = client.sessions.events(sessionId, { pageSize: 100, cursor: saved?.cursor }, { maxPages });
    for await (const page of walk.pages()) {
      const chunk = page.data.map((event) => `${JSON.stringify(event)}\n`).join('');
      await file.write(chunk);
      await file.sync();
      bytes += Buffer.byteLength(chunk);
      events += page.data.length;
      console.error(`page: ${page.data.length} events (${events} so far)`);
      if (!page.hasNextPage()) {
        finished = true;
        break;
      }
      await writeCheckpoint(checkpointFile, { sessionId, cursor: page.nextCursor!, bytes, events });
    }
  } finally {
    await file.close();
  }

  if (!finished) {
    console.error(`stopped after --max-pages ${maxPages}; run again to resume (${checkpointFile})`);
    return 0;
  }
  await rm(checkpointFile, { force: true });
  console.error(`exported ${events} events of ${sessionId} to ${out}`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const detail = error instanceof NotAiError && 'code' in error && error.code ? ` [${String(error.code)}]` : '';
    console.error(`export-events: ${(error as Error).message}${detail}`);
    process.exitCode = 1;
  },
);

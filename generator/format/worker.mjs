// A formatting worker thread (see pool.ts). Plain JavaScript on purpose: it runs the same way from
// the TypeScript sources (tsx) and from the bundled CLI, which starts it by path.
import { parentPort } from 'node:worker_threads';
import { format } from 'prettier';

if (!parentPort) throw new Error('format/worker.mjs runs as a worker thread');
const port = parentPort;

// One job at a time: the pool sends the next only after this one's reply.
port.on('message', async (job) => {
  try {
    port.postMessage({ text: await format(job.text, job.options) });
  } catch (error) {
    // Prettier's parse errors carry a source location: the input does not parse (Markdown code
    // fences are then left as they are). Anything else is a failure of the formatter itself.
    const syntax = error instanceof SyntaxError || (typeof error === 'object' && error !== null && 'loc' in error);
    port.postMessage({ error: String(error instanceof Error ? error.message : error), syntax });
  }
});

// Load the TypeScript parser and printer now, while the main thread is still reading the spec:
// nearly every job needs them, and loading them is most of a cold format's cost.
await format('export const warm = 1;\n', { parser: 'typescript' });

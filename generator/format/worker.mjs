// A formatting worker thread (see pool.ts). Plain JavaScript on purpose: it runs the same way from
// the TypeScript sources (tsx) and from the bundled CLI, which starts it by path.
import { parentPort, workerData } from 'node:worker_threads';
import { isSyntaxError, loadPrettier } from './prettier-loader.mjs';

if (!parentPort) throw new Error('format/worker.mjs runs as a worker thread');
const port = parentPort;
const prettier = loadPrettier(workerData?.codeCacheDir);

// One job at a time: the pool sends the next only after this one's reply. `{ flush: true }` comes
// when a run has nothing more to format: the moment to save the code cache (it then holds every
// function that run compiled), answered so the pool can let the process exit.
port.on('message', async (job) => {
  if (job.flush) {
    prettier.saveCodeCache();
    port.postMessage({ flushed: true });
    return;
  }
  try {
    port.postMessage({ text: await prettier.format(job.text, job.options) });
  } catch (error) {
    // A parse error means the input does not parse (Markdown code fences are then left as they
    // are); anything else is a failure of the formatter itself.
    port.postMessage({ error: String(error instanceof Error ? error.message : error), syntax: isSyntaxError(error) });
  }
});

// Compile the TypeScript path now, while the main thread is still reading the spec: nearly every
// job needs it.
await prettier.format('export const warm = 1;\n', { parser: 'babel-ts' });

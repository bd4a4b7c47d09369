// A formatting worker thread (see pool.ts). Plain JavaScript on purpose: it runs the same way from
// the TypeScript sources (tsx) and from the bundled CLI, which starts it by path.
import { parentPort, workerData } from 'node:worker_threads';
import { isSyntaxError, loadPrettier } from './prettier-loader.mjs';

if (!parentPort) throw new Error('format/worker.mjs runs as a worker thread');
const port = parentPort;
const prettier = loadPrettier(workerData?.codeCacheDir);

// Jobs are formatted one at a time, in the order they arrive, and answered in that order: the pool
// sends a few ahead (pool.ts) and matches each answer to the oldest job it has sent. `{ flush: true }`
// comes when a run has nothing more to format: the moment to save the code cache (it then holds
// every function that run compiled), answered so the pool can let the process exit.
// The first link compiles the TypeScript path now, while the main thread is still reading the
// spec: nearly every job needs it.
let chain = prettier.format('export const warm = 1;\n', { parser: 'babel-ts' }).then(
  () => undefined,
  () => undefined,
);
port.on('message', (message) => {
  chain = chain
    .then(() => handle(message))
    // handle() answers every job itself; this catches a failure to answer (e.g. postMessage),
    // which must not leave the job waiting or stop the chain for the jobs behind it.
    .catch((error) =>
      port.postMessage(message.flush ? { flushed: true } : { id: message.id, error: `the formatting worker failed: ${String(error)}` }),
    )
    .catch(() => undefined); // keep the chain going for the jobs behind it
});

async function handle(message) {
  if (message.flush) {
    try {
      prettier.saveCodeCache();
    } catch {
      // Only speed is lost: the next run compiles prettier again.
    }
    port.postMessage({ flushed: true });
    return;
  }
  try {
    port.postMessage({ id: message.id, text: await prettier.format(message.text, message.options) });
  } catch (error) {
    // A parse error means the input does not parse (Markdown code fences are then left as they
    // are); anything else is a failure of the formatter itself.
    port.postMessage({ id: message.id, error: String(error instanceof Error ? error.message : error), syntax: isSyntaxError(error) });
  }
}

import { createServer, type Server } from 'node:http';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { generate } from '../../generator/pipeline.js';
import { typeCheck } from '../corpus/corpus.js';
import { tempDir } from '../helpers/ir.js';
import { prng } from './prng.js';
import { controlChars, deepNesting, FORBIDDEN_IN_OUTPUT, hostileNames, MEANINGFUL_NAMES, outsideRefs, refFanOut, type HostileShape, type ShapeKind } from './shapes.js';

/**
 * Seeded generators of the shapes a hostile spec author tried (issue #19): `$ref` fan-out, deep
 * nesting, names JavaScript gives a meaning to, control characters, `$ref`s leaving the spec's
 * folder. Each draw must end as its shape says: a bounded client (and MCP server) with no raw
 * control character in any file, or one GeneratorError with a pointer that leaves nothing behind.
 * FUZZ_SEED and SHAPES_COUNT (draws per shape) reproduce or widen a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const COUNT = Number(process.env.SHAPES_COUNT ?? 4);
/** SHAPES_KINDS=deep-nesting,outside-refs narrows a run to some shapes while reproducing one. */
const KINDS = process.env.SHAPES_KINDS?.split(',');
/**
 * The fan-out shapes inline to 2^14–3^22 leaves; a bounded generator writes them in a size that
 * grows with the number of schemas, not the number of paths through them. The largest draw (22
 * levels, width 3) writes ~250 KB for the client and the MCP server together; inlining wrote
 * 286 MB at 18 levels of width 2. 1 MB leaves room for the packages to grow.
 */
const FAN_OUT_BYTE_LIMIT = 1_000_000;

type Tally = Record<'generated' | 'refused' | 'wrong', number>;
const tally = new Map<ShapeKind, Tally>();
let hits = 0;
let server: Server;
let url = '';
let work = '';
let outsideFile = '';

beforeAll(async () => {
  server = createServer((_request, response) => {
    hits++;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ Thing: { type: 'string', description: 'fetched from outside' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  work = await tempDir('shapes-');
  outsideFile = join(work, 'outside', 'schema.json');
  await mkdir(dirname(outsideFile), { recursive: true });
  await writeFile(outsideFile, JSON.stringify({ Thing: { type: 'string', description: 'read from outside the spec folder' } }));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  const rows = [...tally].map(([kind, t]) => `  ${kind.padEnd(14)} generated ${t.generated}  refused ${t.refused}  wrong ${t.wrong}`);
  console.log(`hostile shapes (seed ${SEED}, ${COUNT} per shape):\n${rows.join('\n')}`);
});

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

interface Run {
  shape: HostileShape;
  client: string;
  mcp: string;
  error?: unknown;
}

let drawn = 0;
/** Generates one draw, with the MCP server enabled, into its own folder. */
async function run(shape: HostileShape): Promise<Run> {
  const dir = join(work, `draw-${drawn++}`);
  const specDir = join(dir, 'spec');
  await mkdir(specDir, { recursive: true });
  await writeFile(join(specDir, 'openapi.json'), shape.text ?? JSON.stringify(shape.spec));
  await writeFile(join(specDir, 'codegen.config.yaml'), 'mcp:\n  out: mcp\n');
  const result: Run = { shape, client: join(dir, 'client'), mcp: join(dir, 'mcp') };
  try {
    await generate({ spec: join(specDir, 'openapi.json'), config: join(specDir, 'codegen.config.yaml'), out: result.client, format: false });
  } catch (error) {
    result.error = error;
  }
  return result;
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** Checks one draw against its shape's expectation; returns what went wrong, if anything. */
async function judge({ shape, client, mcp, error }: Run): Promise<string | undefined> {
  const row = tally.get(shape.kind) ?? { generated: 0, refused: 0, wrong: 0 };
  tally.set(shape.kind, row);
  const wrong = (why: string): string => {
    row.wrong++;
    return `${shape.kind} (${shape.label}): ${why}`;
  };
  if (shape.expect === 'refused') {
    if (!(error instanceof GeneratorError)) return wrong(error === undefined ? 'generated, expected a refusal' : `threw ${(error as Error).stack?.split('\n').slice(0, 2).join(' | ')}`);
    if (!error.pointer.startsWith('#/')) return wrong(`refusal names no pointer inside the spec: "${error.pointer}"`);
    if ((await exists(client)) || (await exists(mcp))) return wrong('a refusal left output behind');
    row.refused++;
    return undefined;
  }
  if (error !== undefined) return wrong(`refused: ${(error as Error).message.split('\n')[0]}`);
  const files = new Map([...(await filesUnder(client))].concat([...(await filesUnder(mcp))].map(([path, text]) => [`mcp/${path}`, text])));
  for (const [path, text] of files) {
    const raw = FORBIDDEN_IN_OUTPUT.exec(text);
    if (raw) return wrong(`${path} holds a raw U+${raw[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
    if (text.includes('[native code]')) return wrong(`${path} holds a function's source where a name belongs`);
  }
  if (shape.kind === 'ref-fan-out') {
    const bytes = [...files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
    if (bytes > FAN_OUT_BYTE_LIMIT) return wrong(`${bytes} bytes generated`);
  }
  row.generated++;
  return undefined;
}

/** What the module namespace of a generated client exports, bundled and imported for real. */
async function importedExports(client: string): Promise<{ keys: string[]; then: unknown }> {
  const outfile = join(client, 'bundle.mjs');
  await build({ entryPoints: [join(client, 'src', 'index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'silent' });
  const namespace = (await import(outfile)) as Record<string, unknown>;
  return { keys: Object.keys(namespace), then: namespace.then };
}

describe('generator under hostile spec shapes', () => {
  it(`${COUNT} seeded draws of each shape end as the shape says`, async () => {
    const random = prng(SEED);
    const shapes: HostileShape[] = [];
    for (let i = 0; i < COUNT; i++) {
      shapes.push(refFanOut(random), deepNesting(random), hostileNames(random), controlChars(random), outsideRefs(random, url, outsideFile));
    }
    if (KINDS) shapes.splice(0, shapes.length, ...shapes.filter((shape) => KINDS.includes(shape.kind)));
    const runs: Run[] = [];
    const problems: string[] = [];
    for (const shape of shapes) {
      const done = await run(shape);
      runs.push(done);
      const problem = await judge(done);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
    expect(hits, 'a $ref outside the spec was fetched').toBe(0);

    // Every generated client type-checks strictly, in one program.
    const generated = runs.filter((r) => r.error === undefined).map((r) => r.client);
    expect(typeCheck(generated)).toEqual([]);

    // A module exporting `then` is a thenable: `await import()` would never yield the namespace.
    for (const named of runs.filter((r) => r.shape.kind === 'hostile-names')) {
      const { keys, then } = await importedExports(named.client);
      expect(then, named.shape.label).toBeUndefined();
      expect(keys.filter((key) => (MEANINGFUL_NAMES as readonly string[]).includes(key)), named.shape.label).toEqual([]);
      expect(keys.length).toBeGreaterThan(0);
    }
  }, 600_000);
});

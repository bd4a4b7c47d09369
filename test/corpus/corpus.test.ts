import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';
import { generatedOnce } from '../helpers/shared-generation.js';
import { scaled } from '../helpers/slowdown.js';
import { GITHUB_SPEC, SHARED_WITH_BUNDLE_TEST, corpusSpecs, typeCheck } from './corpus.js';

/**
 * Every spec in the corpus generates a client that type-checks strictly with 0 errors. Each is
 * generated once and shared across the assertions below (the GitHub spec alone is 13 MB).
 */
const generated = new Map<string, { dir: string; result: GenerateResult }>();

beforeAll(async () => {
  const root = await tempDir('corpus-');
  for (const spec of [...corpusSpecs(), { name: 'github', file: GITHUB_SPEC }]) {
    // The specs test/generator/bundle.test.ts also generates come from one generation per run.
    if (SHARED_WITH_BUNDLE_TEST.has(spec.name)) generated.set(spec.name, await generatedOnce(spec.file));
    else {
      const dir = join(root, spec.name);
      generated.set(spec.name, { dir, result: await generate({ spec: spec.file, out: dir }) });
    }
  }
}, scaled(240_000));

describe('real-world corpus', () => {
  it('generates every spec (readme 3.0 + 3.1 examples, Figma, GitHub)', () => {
    expect(generated.size).toBeGreaterThanOrEqual(50);
    expect(generated.get('github')!.result.ir.operations.length).toBeGreaterThan(1200);
  });

  it('type-checks every small spec strictly with 0 errors', () => {
    const dirs = [...generated].filter(([name]) => name !== 'github').map(([, g]) => g.dir);
    expect(typeCheck(dirs)).toEqual([]);
  }, scaled(240_000));

  it('type-checks the GitHub client (1,200+ operations) strictly with 0 errors', () => {
    expect(typeCheck([generated.get('github')!.dir])).toEqual([]);
  }, scaled(240_000));

  it('is deterministic on a large spec', async () => {
    const again = await generate({ spec: (await import('./corpus.js')).GITHUB_SPEC, out: generated.get('github')!.dir, check: true });
    expect(again.drift).toEqual([]);
  }, scaled(120_000));
});

describe('semantics seen in the corpus', () => {
  const file = (spec: string, path: string) => readFile(join(generated.get(spec)!.dir, path), 'utf8');

  const moduleOf = (spec: string, resource: string) => `src/resources/${generated.get(spec)!.result.ir.resources.find((r) => r.property === resource)!.fileName}.ts`;

  it('marks deprecated operations with @deprecated on the function and the method', async () => {
    const op = generated.get('github')!.result.ir.operations.find((o) => o.deprecated)!;
    const text = await file('github', moduleOf('github', op.resource));
    const fn = text.indexOf(`export function ${op.functionName}(`);
    expect(fn).toBeGreaterThan(0);
    expect(text.slice(text.lastIndexOf('/**', fn), fn)).toContain('@deprecated');
  });

  it('encodes form bodies from typed objects, and sends other non-JSON bodies as given with their media type', async () => {
    const form = generated.get('readme-3.0-form-data')!.result.ir;
    const formOp = form.operations.find((o) => o.requestBody && !o.requestBody.isJson)!;
    expect(formOp.requestBody!.mediaType).toBe('application/x-www-form-urlencoded');
    expect(await file('readme-3.0-form-data', moduleOf('readme-3.0-form-data', formOp.resource))).toMatch(/bodyType: 'form'/);
    const uploads = generated.get('readme-3.0-file-uploads')!.result.ir;
    const png = uploads.operations.find((o) => o.requestBody?.mediaType === 'image/png')!;
    const text = await file('readme-3.0-file-uploads', moduleOf('readme-3.0-file-uploads', png.resource));
    expect(text).toMatch(/bodyType: 'raw',\s+contentType: 'image\/png'/);
  });

  it('generates a 3.1 webhooks-only document as a client with its types and no operations', () => {
    expect(generated.get('readme-3.1-webhooks')!.result.ir.operations).toEqual([]);
  });

  it('keeps serialisation styles of styled parameters', async () => {
    const ir = generated.get('readme-3.0-parameters-style')!.result.ir;
    const styled = ir.operations.flatMap((o) => o.namedParams).filter((p) => p.style === 'deepObject');
    expect(styled.length).toBeGreaterThan(0);
  });

  it('names operations without an operationId from method + path, as identifiers', () => {
    const ops = generated.get('readme-3.0-star-trek')!.result.ir.operations;
    const derived = ops.filter((o) => !o.hasSpecOperationId);
    expect(derived.length).toBeGreaterThan(100);
    expect(derived.every((o) => /^[a-z][A-Za-z0-9_$]*$/.test(o.functionName))).toBe(true);
    expect(new Set(ops.map((o) => o.functionName)).size).toBe(ops.length);
  });
});

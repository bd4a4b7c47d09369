import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatCodeBlocks, type CodeBlock, type FormatCode } from '../../generator/format/code-blocks.js';
import { PRETTIER } from '../../generator/format/index.js';
import { loadPrettier } from '../../generator/format/prettier-loader.mjs';

// As the pool does: prettier's parse errors are marked `syntax` (prettier-loader's babel-ts
// fallback included, since the worker formats through it).
const loaded = loadPrettier(undefined);
function counting(): { formatCode: FormatCode; calls: () => number } {
  let calls = 0;
  const formatCode: FormatCode = async (code, parser) => {
    calls += 1;
    try {
      return await loaded.format(code, { ...PRETTIER, parser });
    } catch (error) {
      throw Object.assign(new Error(String(error)), { syntax: typeof error === 'object' && error !== null && 'loc' in error });
    }
  };
  return { formatCode, calls: () => calls };
}

/** What prettier's Markdown formatter does with each block: format it alone, or leave it. */
async function alone(block: CodeBlock): Promise<string> {
  try {
    return (await loaded.format(`${block.code}\n`, { ...PRETTIER, parser: block.parser })).replace(/\n+$/, '');
  } catch {
    return block.code;
  }
}

const ts = (code: string): CodeBlock => ({ code, parser: 'babel-ts' });

const TRICKY: CodeBlock[] = [
  ts("import { NotAi } from 'notai-client';\n\nconst client = new NotAi(); // key from the env\n"),
  ts('const client = new NotAi({apiKey:"k"})'), // redeclared, no semicolon
  ts('(async () => {})()'), // would continue the previous statement without a semicolon
  ts('[1, 2].forEach(f)'),
  ts('`template`'),
  ts('-1'),
  ts('/re/.test(s)'),
  ts('a +'), // ends mid-expression
  ts('/* never closed'),
  ts('// only a comment'),
  ts(''),
  ts('\n\n\nconst spaced = 1;\n\n\n'),
  ts("'use strict';\nconst strict = 1;"), // a directive only when alone
  ts('/* lead */ "use client";'),
  ts('#!/usr/bin/env node\nrun()'),
  ts('const broken = ;'),
  ts("const marker = '@@notai-code-block-1@@';"),
  ts('foo(); // trailing'),
  ts('function open() {'),
  ts('}'),
  ts('{ "a": 1 }'),
  ts('label:   type A = 1;'), // babel-ts rejects, typescript formats
  ts('@decorator class  C {}'),
  ts('export default   1'),
  ts('export default 2'),
  ts('if (a) b\nelse c'),
  { code: 'const el = <div   className="x" />', parser: 'babel' },
  { code: 'const el = <b />', parser: 'babel' },
  { code: '{"b":  [1,2]}', parser: 'json' },
  { code: 'a:   1', parser: 'yaml' },
];

describe('formatCodeBlocks', () => {
  it('gives each block exactly what formatting it alone gives, however the blocks end and begin', async () => {
    const { formatCode, calls } = counting();
    const expected = await Promise.all(TRICKY.map(alone));
    expect(await formatCodeBlocks(TRICKY, formatCode)).toEqual(expected);
    // and in every pairing order, so each block has been both the first and a later one
    const reversed = [...TRICKY].reverse();
    expect(await formatCodeBlocks(reversed, formatCode)).toEqual([...expected].reverse());
    let together = 0;
    for (let i = 0; i < TRICKY.length; i += 1) {
      const pair = [TRICKY[i]!, TRICKY[(i + 1) % TRICKY.length]!];
      const before = calls();
      expect(await formatCodeBlocks(pair, formatCode), JSON.stringify(pair)).toEqual(await Promise.all(pair.map(alone)));
      if (calls() - before === 1) together += 1;
    }
    expect(together).toBeGreaterThan(5); // the pairs did take the one-call path, not only the fallback
  });

  it('formats well-formed blocks of one parser in one call', async () => {
    const { formatCode, calls } = counting();
    const blocks = Array.from({ length: 20 }, (_, i) => ts(`const   v${i} = client.sessions.get('s${i}')`));
    const out = await formatCodeBlocks(blocks, formatCode);
    expect(out).toEqual(blocks.map((_, i) => `const v${i} = client.sessions.get('s${i}');`));
    expect(calls()).toBe(1);
  });

  it('falls back to one call per block when the whole does not parse', async () => {
    const { formatCode, calls } = counting();
    const out = await formatCodeBlocks([ts('const a=1'), ts('const = ;'), ts('const b=2')], formatCode);
    expect(out).toEqual(['const a = 1;', 'const = ;', 'const b = 2;']);
    expect(calls()).toBe(4);
  });

  it('lets a formatter failure that is not a syntax error fail the run', async () => {
    const failing: FormatCode = () => Promise.reject(new Error('worker died'));
    await expect(formatCodeBlocks([ts('a'), ts('b')], failing)).rejects.toThrow('worker died');
  });

  it('matches prettier itself, not only the loader', async () => {
    const blocks = [ts('const x = {a:1,\n b:2}'), ts('type T = {a:string}')];
    const { formatCode } = counting();
    const direct = await Promise.all(blocks.map(async (b) => (await format(`${b.code}\n`, { ...PRETTIER, parser: 'typescript' })).replace(/\n+$/, '')));
    expect(await formatCodeBlocks(blocks, formatCode)).toEqual(direct);
  });
});

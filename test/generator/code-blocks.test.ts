import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatCodeBlocks, type CodeBlock } from '../../generator/format/code-blocks.js';
import { PRETTIER } from '../../generator/format/index.js';
import { withParserFallback, type FormatCode } from '../../generator/format/parsers.js';
import { loadPrettier } from '../../generator/format/prettier-loader.mjs';

// As the pipeline does: the worker's prettier marks parse errors `syntax`, and babel-ts input it
// rejects is tried with the typescript parser unless the caller asks for an exact parser.
const loaded = loadPrettier(undefined);
const workerFormat = async (code: string, parser: string): Promise<string> => {
  try {
    return await loaded.format(code, { ...PRETTIER, parser });
  } catch (error) {
    throw Object.assign(new Error(String(error)), { syntax: typeof error === 'object' && error !== null && 'loc' in error });
  }
};
const pipelineFormat = withParserFallback(workerFormat);

function counting(): { formatCode: FormatCode; calls: () => number } {
  let calls = 0;
  const formatCode: FormatCode = (code, parser, exact) => {
    calls += 1;
    return pipelineFormat(code, parser, exact);
  };
  return { formatCode, calls: () => calls };
}

/** One block formatted alone (with the fallback), or left as it is when it does not parse. */
async function alone(block: CodeBlock): Promise<string> {
  try {
    return (await pipelineFormat(`${block.code}\n`, block.parser)).replace(/\n+$/, '');
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
  // From review: blocks that do not parse alone, which an explicit `;` separator used to finish.
  ts('foo:'),
  ts('if (ready)'),
  ts('while (x)'),
  ts('for (;;)'),
  ts('if (a) b\nelse'),
  // prettier-ignore applies to the statement after it: the separator must not become that statement.
  ts('// prettier-ignore\nfoo( 1 )'),
  ts('// prettier-ignore\ntype  A = 1'),
  ts('foo( 2 )\n// prettier-ignore'),
  ts('/* prettier-ignore */'),
  // babel-ts rejects these and the typescript parser formats them: in a joined program that
  // fallback would format every block with the typescript parser.
  ts('const v = a ?? b || c'),
  ts('const x = /** @type {Foo} */ (y);'),
  ts('class  K { override m() {} }'),
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

  it('never formats a joined program with a fallback parser', async () => {
    const { formatCode } = counting();
    const cast = ts('const x = /** @type {Foo} */ (y);');
    const rejectedByBabelTs = ts('const v = a ?? b || c');
    expect(await formatCodeBlocks([cast, rejectedByBabelTs], formatCode)).toEqual([await alone(cast), await alone(rejectedByBabelTs)]);
  });

  it('matches prettier itself, not only the loader', async () => {
    const blocks = [ts('const x = {a:1,\n b:2}'), ts('type T = {a:string}')];
    const { formatCode } = counting();
    const direct = await Promise.all(blocks.map(async (b) => (await format(`${b.code}\n`, { ...PRETTIER, parser: 'typescript' })).replace(/\n+$/, '')));
    expect(await formatCodeBlocks(blocks, formatCode)).toEqual(direct);
  });
});

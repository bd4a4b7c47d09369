import { describe, expect, it } from 'vitest';
import { TYPESCRIPT_PARSER, withParserFallback } from '../../generator/format/parsers.js';

const syntax = (parser: string): Error => Object.assign(new Error(`${parser} cannot parse this`), { syntax: true });

describe('withParserFallback', () => {
  it('tries the typescript parser for input babel-ts rejects, unless asked for an exact parser', async () => {
    const seen: string[] = [];
    const format = withParserFallback(async (code, parser) => {
      seen.push(parser);
      if (parser === TYPESCRIPT_PARSER) throw syntax(parser);
      return `${parser}: ${code}`;
    });
    expect(await format('x', TYPESCRIPT_PARSER)).toBe('typescript: x');
    expect(seen).toEqual(['babel-ts', 'typescript']);
    await expect(format('x', TYPESCRIPT_PARSER, true)).rejects.toThrow('babel-ts cannot parse this');
  });

  it('passes other failures and other parsers through unchanged', async () => {
    const broken = withParserFallback(async () => {
      throw new Error('worker died');
    });
    await expect(broken('x', TYPESCRIPT_PARSER)).rejects.toThrow('worker died');
    const json = withParserFallback(async (_code, parser) => {
      throw syntax(parser);
    });
    await expect(json('{', 'json')).rejects.toThrow('json cannot parse this');
  });
});

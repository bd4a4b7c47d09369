import { parse as parseYaml, YAMLParseError } from 'yaml';
import { GeneratorError } from '../errors.js';
import { MAX_DEPTH } from './depth.js';
import type { SourceText } from './read-source.js';
import { checkYamlDepth } from './yaml-depth.js';

/**
 * Parses JSON or YAML (JSON is tried first when the text looks like JSON, so a JSON syntax error
 * is reported with JSON's position rather than as a confusing YAML error).
 */
export function parseSpecText({ text, location }: SourceText): unknown {
  if (text.trim().length === 0) throw new GeneratorError('Spec is empty', '#', location);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new GeneratorError(`Spec is not valid JSON: ${describeJsonError(error as Error, text)}`, '#', location);
    }
  }
  // The YAML composer recurses per level: a document too deep for it is refused first.
  checkYamlDepth(text, location, MAX_DEPTH);
  try {
    return parseYaml(text, { maxAliasCount: 10_000, uniqueKeys: false });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : '';
    const first = (error as Error).message.split('\n')[0] ?? 'parse error';
    throw new GeneratorError(`Spec is not valid YAML: ${first}${where}`, '#', location);
  }
}

function describeJsonError(error: Error, text: string): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${error.message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`;
}

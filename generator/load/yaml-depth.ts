import { CST, Parser } from 'yaml';
import { escapePointerSegment } from '../errors.js';
import { tooDeep } from './depth.js';

interface Pending {
  token: CST.Token;
  /** Containers above this token (the root value is at 0, as in a JSON pointer's length). */
  depth: number;
  pointer: string;
}

const CONTAINERS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * A key as pointer text. Only for naming where the nesting is: a malformed key (an unclosed quote)
 * is the YAML parser's to report, with its line, so it is read leniently here rather than thrown.
 */
function keyText(key: CST.Token | null | undefined): string {
  if (!key) return '';
  try {
    return CST.resolveAsScalar(key, false, () => undefined)?.value ?? '?';
  } catch {
    return '?';
  }
}

/**
 * The `yaml` package composes documents recursively and overflows the stack on a few thousand
 * nested levels. Its concrete syntax tree is built without recursion, so the nesting is measured
 * there, before composing, and a document deeper than `limit` is refused naming the first
 * collection past it (as far as the syntax tree can tell: keys are read as plain scalars).
 */
export function checkYamlDepth(text: string, location: string, limit: number): void {
  const stack: Pending[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type === 'document' && token.value) stack.push({ token: token.value, depth: 0, pointer: '#' });
    while (stack.length > 0) {
      const { token: at, depth, pointer } = stack.pop()!;
      if (!CONTAINERS.has(at.type)) continue;
      if (depth > limit) throw tooDeep(pointer, location, limit);
      const items = (at as CST.BlockMap | CST.BlockSequence | CST.FlowCollection).items as CST.CollectionItem[];
      const isSeq = at.type === 'block-seq' || (at.type === 'flow-collection' && at.start.source === '[');
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i]!;
        const segment = isSeq ? String(i) : escapePointerSegment(keyText(item.key));
        const child = `${pointer}/${segment}`;
        if (item.value) stack.push({ token: item.value, depth: depth + 1, pointer: child });
        if (item.key) stack.push({ token: item.key, depth: depth + 1, pointer: child });
      }
    }
  }
}

/** README section. The spec's own description of the API, quoted. */
import type { ApiIR } from '../../../ir/types.js';
import { blockquote, mdCell } from '../markdown.js';

export function about(ir: ApiIR): string[] {
  if (!ir.description) return [];
  return ['## About the API', '', `From the ${mdCell(ir.title)} ${mdCell(ir.specVersion)} document:`, '', ...blockquote(ir.description), ''];
}

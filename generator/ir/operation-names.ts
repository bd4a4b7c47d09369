import { indexType } from '../text/literal.js';
import type { OperationIR, OperationNames } from './types.js';

/**
 * An operation's exported type names, once its type prefix, paging, envelope and result model are
 * decided (ir/build.ts): the client's aliases, its README and its JSDoc all print these.
 */
export function operationNames(op: Omit<OperationIR, 'names'>): OperationNames {
  const response = `${op.typeName}Response`;
  const envelope = op.success?.envelope;
  const names: OperationNames = {
    response,
    result: op.success?.model ?? (envelope === undefined ? response : op.success?.resultShape !== undefined ? op.resultTypeName! : indexType(response, envelope)),
  };
  if (op.namedParams.length > 0) names.params = `${op.typeName}Params`;
  if (op.requestBody) names.body = `${op.typeName}Body`;
  if (op.paging) names.item = `${op.typeName}Item`;
  return names;
}

// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { PagingSpec } from './runtime/pagination.js';
/** Where the cursor paging fields live in requests and responses. */
export const CURSOR_PAGING: PagingSpec = {
  cursorParam: 'cursor',
  itemsPath: ['data'],
  nextCursorPath: ['pagination', 'nextCursor'],
  hasMorePath: ['pagination', 'hasMore'],
  paginationPath: ['pagination'],
};

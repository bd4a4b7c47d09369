import type { Plugin } from 'esbuild';
/** The helper function's source appended to openapi-typescript's operation-object module. */
export const HELPER: string;
export function linearOperations(source: string): string;
export function linearOperationsPlugin(): Plugin;

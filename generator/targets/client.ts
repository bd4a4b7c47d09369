import { resolve } from 'node:path';
import { emitPackage } from '../emit/index.js';
import type { Target } from './types.js';

/** The client package at `--out`: always generated; every other target is placed relative to it. */
export const clientTarget: Target = {
  stage: 'emit',
  enabled: () => true,
  place: (input) => ({ out: resolve(input.clientOut), label: '' }),
  async emit({ ir, lock, typescriptVersion }, onFile) {
    return { files: await emitPackage({ ir, lock, typescriptVersion, ...(onFile ? { onFile } : {}) }) };
  },
};

import type { Options } from 'prettier';

export interface LoadedPrettier {
  /** prettier's `format`. */
  format(text: string, options: Options): Promise<string>;
  /** Writes the V8 code cache if this load had none or V8 rejected it; never throws. */
  saveCodeCache(): void;
}

/** Prettier's parse errors (they carry a source location). */
export function isSyntaxError(error: unknown): boolean;

/** Prettier compiled through a V8 code cache kept in `codeCacheDir` (none when undefined). */
export function loadPrettier(codeCacheDir: string | undefined): LoadedPrettier;

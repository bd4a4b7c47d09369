import type { Script, ScriptOptions } from 'node:vm';

/** `source` compiled with the cache in `cacheFile` (none when undefined); `saveCodeCache` writes one when this compile had none. */
export function compileWithCodeCache(source: string, options: ScriptOptions, cacheFile: string | undefined): { script: Script; saveCodeCache(): void };

/** The cache data in `file`, or undefined when it is missing, damaged or from another format. */
export function readCodeCache(file: string): Buffer | undefined;
/** Whether a cache could be written into `dir` (created if missing). */
export function canWriteCodeCache(dir: string): boolean;
/** Writes `data` to `file` atomically; false when it could not. */
export function writeCodeCache(file: string, data: Buffer): boolean;

/** The cache data in `file`, or undefined when it is missing, damaged or from another format. */
export function readCodeCache(file: string): Buffer | undefined;
/** Writes `data` to `file` atomically; false when it could not. */
export function writeCodeCache(file: string, data: Buffer): boolean;

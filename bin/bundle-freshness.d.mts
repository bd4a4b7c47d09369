export function bundlePath(root: string): string;
export function bundleState(root: string): 'fresh' | 'missing' | 'stale';

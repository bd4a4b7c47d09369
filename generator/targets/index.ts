import { clientTarget } from './client.js';
import { mcpTarget } from './mcp.js';
import type { Target } from './types.js';

/**
 * Every output the generator knows, in the order they are emitted and written. The client comes
 * first: its files start formatting while the next target emits, and it is written first.
 */
export const TARGETS: readonly Target[] = [clientTarget, mcpTarget];

export type { Target, TargetEmitInput, TargetFiles, TargetOutput, TargetPlace, TargetPlaceInput } from './types.js';

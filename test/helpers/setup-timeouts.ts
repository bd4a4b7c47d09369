/**
 * Setup file (vitest.config.ts): stretches this file's default test and hook timeouts by the
 * machine's measured slowdown (slowdown.ts) before its tests are collected. On a quiet machine the
 * defaults stand; beside CPU-bound processes a compile that takes 20 s quiet may take 60 s, and
 * that is no failure. Timeouts a test passes explicitly are its own.
 */
import { vi } from 'vitest';
import { remeasureSlowdown } from './slowdown.js';

const factor = remeasureSlowdown();
if (factor > 1.2) vi.setConfig({ testTimeout: Math.ceil(30_000 * factor), hookTimeout: Math.ceil(60_000 * factor) });

/** Points in a write where a crash leaves a distinct state on disk (see commit.ts). */
export type WritePhase = 'locked' | 'staged' | 'journaled' | 'applying';

/**
 * Test-only: with NOTAI_CODEGEN_TEST_PAUSE=<phase> the writer stops at that phase, says so on
 * stderr and waits to be killed. Crash tests kill it at a known point instead of guessing with sleeps.
 */
export async function pauseAt(phase: WritePhase): Promise<void> {
  if (process.env.NOTAI_CODEGEN_TEST_PAUSE !== phase) return;
  process.stderr.write(`notai-codegen-test: paused at ${phase}\n`);
  // A pending timer keeps the process alive; a bare unresolved promise would let it exit.
  await new Promise<never>(() => setInterval(() => undefined, 1 << 30));
}

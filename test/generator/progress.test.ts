import { describe, expect, it } from 'vitest';
import { createProgress } from '../../generator/commands/progress.js';

function capture(mode: { verbose: boolean; tty: boolean }): { err: () => string; progress: ReturnType<typeof createProgress> } {
  let err = '';
  const progress = createProgress({ stdout: () => {}, stderr: (t) => void (err += t) }, mode);
  return { err: () => err, progress };
}

describe('generate progress', () => {
  it('--verbose: one timing line per stage', () => {
    const { err, progress } = capture({ verbose: true, tty: false });
    progress.stage('load', 12.4);
    progress.stage('emit', 2700);
    progress.end();
    expect(err()).toBe('  load          12 ms\n  emit        2700 ms\n');
  });

  it('a log: plain lines for slow stages only', () => {
    const { err, progress } = capture({ verbose: false, tty: false });
    progress.stage('load', 30);
    progress.stage('format', 2345);
    progress.end();
    expect(err()).toBe('notai-codegen: format done in 2.3 s\n');
  });

  it('a terminal: one live line, cleared at the end', () => {
    const { err, progress } = capture({ verbose: false, tty: true });
    progress.stage('load', 1100);
    progress.stage('ir', 90);
    progress.end();
    expect(err()).toBe('\r\x1b[K  ✓ load (1.1 s)\r\x1b[K  ✓ ir (0.1 s)\r\x1b[K');
  });
});

/**
 * A timed child process with its peak RSS and CPU time. Uses GNU time (`/usr/bin/time -f "%U %S
 * %M"`) when present, which reports the CPU time (user + system, 10 ms resolution) and the largest
 * resident set of the child and its descendants; otherwise samples /proc/<pid>/status VmHWM and
 * /proc/<pid>/stat CPU ticks of the direct child every 20 ms (its last ≤ 20 ms are missed).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type RssMethod = 'gnu-time' | 'proc-vmhwm';

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (whole process group) after this long; default 20 minutes. */
  timeoutMs?: number;
  /** Force a method (tests use this to keep the fallback from rotting). */
  rssMethod?: RssMethod;
}

export interface TimedResult {
  wallMs: number;
  /** Peak resident set in bytes; undefined if it could not be read. */
  peakRssBytes: number | undefined;
  /**
   * CPU time (user + system) of the process and the children it waited for, in ms; undefined if
   * it could not be read. On a shared machine this is the steadier figure: wall time grows with
   * the other processes' load, CPU time much less.
   */
  cpuMs: number | undefined;
  rssMethod: RssMethod;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  /** The last MiB of stderr. */
  stderr: string;
  /** The first 256 KiB of stderr (stage timings come before a flood of warnings). */
  stderrHead: string;
}

const GNU_TIME = '/usr/bin/time';
const MAX_CAPTURE = 1 << 20;

let gnuTimeWorks: boolean | undefined;

/** True if /usr/bin/time is GNU time (accepts -f and -o). Checked once. */
export async function hasGnuTime(): Promise<boolean> {
  if (gnuTimeWorks !== undefined) return gnuTimeWorks;
  if (!existsSync(GNU_TIME)) return (gnuTimeWorks = false);
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  try {
    const probe = await run(GNU_TIME, ['-f', '%M', '-o', join(dir, 'rss'), 'true'], {}, 10_000);
    gnuTimeWorks = probe.exitCode === 0 && /^\d+/.test(readFileSync(join(dir, 'rss'), 'utf8').trim());
  } catch {
    gnuTimeWorks = false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return gnuTimeWorks;
}

export async function defaultRssMethod(): Promise<RssMethod> {
  return (await hasGnuTime()) ? 'gnu-time' : 'proc-vmhwm';
}

interface RawResult {
  wallMs: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  stderrHead: string;
  peakFromProc: number | undefined;
  cpuFromProc: number | undefined;
}

function readVmHwm(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** utime + stime + cutime + cstime of /proc/<pid>/stat, in ms. */
function readCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), counted from field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return Number.isFinite(ticks) ? ticks * 10 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

function run(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
  timeoutMs: number,
  sampleProc = false,
): Promise<RawResult> {
  return new Promise<RawResult>((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a timeout can end the child and its children
    });
    let stdout = '';
    let stderr = '';
    let stderrHead = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < MAX_CAPTURE) stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderrHead.length < MAX_CAPTURE / 4) stderrHead += chunk;
      stderr = (stderr + chunk).slice(-MAX_CAPTURE);
    });
    let peak: number | undefined;
    let cpu: number | undefined;
    const sample = (): void => {
      if (child.pid === undefined) return;
      const hwm = readVmHwm(child.pid);
      if (hwm !== undefined) peak = Math.max(peak ?? 0, hwm);
      const ms = readCpuMs(child.pid);
      if (ms !== undefined) cpu = Math.max(cpu ?? 0, ms);
    };
    const sampler = sampleProc ? setInterval(sample, 20) : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      if (sampler !== undefined) clearInterval(sampler);
      reject(error);
    });
    child.on('exit', () => sample());
    child.on('close', (exitCode, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(timer);
      if (sampler !== undefined) clearInterval(sampler);
      resolve({ wallMs, exitCode, signal, timedOut, stdout, stderr, stderrHead, peakFromProc: peak, cpuFromProc: cpu });
    });
  });
}

/** Runs `command args` to completion and reports wall time and peak RSS. Never throws on exit codes. */
export async function timedSpawn(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<TimedResult> {
  const method = options.rssMethod ?? (await defaultRssMethod());
  const timeoutMs = options.timeoutMs ?? 20 * 60_000;
  if (method === 'gnu-time') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
    const rssFile = join(dir, 'rss');
    try {
      const raw = await run(GNU_TIME, ['-f', '%U %S %M', '-o', rssFile, command, ...args], options, timeoutMs);
      let peakRssBytes: number | undefined;
      let cpuMs: number | undefined;
      try {
        // With a non-zero exit GNU time writes "Command exited with non-zero status N" first.
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const [user, system, kb] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
        peakRssBytes = kb !== undefined && Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined;
        cpuMs = user !== undefined && system !== undefined && Number.isFinite(user + system) ? Math.round((user + system) * 1000) : undefined;
      } catch {
        peakRssBytes = undefined;
      }
      return { ...strip(raw), peakRssBytes, cpuMs, rssMethod: method };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const raw = await run(command, args, options, timeoutMs, true);
  return { ...strip(raw), peakRssBytes: raw.peakFromProc, cpuMs: raw.cpuFromProc, rssMethod: method };
}

function strip(raw: RawResult): Omit<TimedResult, 'peakRssBytes' | 'cpuMs' | 'rssMethod'> {
  return {
    wallMs: raw.wallMs,
    exitCode: raw.exitCode,
    signal: raw.signal,
    timedOut: raw.timedOut,
    stdout: raw.stdout,
    stderr: raw.stderr,
    stderrHead: raw.stderrHead,
  };
}

/** The last non-empty lines of a child's output, for an error message. */
export function tail(text: string, lines = 3): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .slice(-lines)
    .join(' | ');
}

/** Runs a TypeScript file of this repository in a child Node with tsx, returning its JSON stdout. */
export async function runTsWorker<T>(
  script: string,
  args: readonly string[],
  options: SpawnOptions & { nodeFlags?: readonly string[] } = {},
): Promise<{ value: T; result: TimedResult }> {
  const result = await timedSpawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', script, ...args],
    options,
  );
  if (result.exitCode !== 0) {
    throw new Error(`${script} exited with ${result.exitCode ?? result.signal}: ${tail(result.stderr, 6)}`);
  }
  const lastLine = result.stdout.trim().split('\n').pop() ?? '';
  return { value: JSON.parse(lastLine) as T, result };
}

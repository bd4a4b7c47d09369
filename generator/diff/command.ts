import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratorError } from '../errors.js';
import { loadSpec } from '../load/index.js';
import { diffSpecs } from './engine.js';
import { isObject } from '../schema/json.js';
import { str } from './json.js';
import { formatReport, type ReportFormat } from './report.js';
import type { DiffReport } from './types.js';

export const DIFF_USAGE = `Usage: notai-codegen diff <old> <new> [--format text|markdown|json] [--fail-on breaking|warning]
                          [--allow-remote-refs <url-prefix>]...

Compares two OpenAPI 3.0/3.1 specs (file or URL; JSON or YAML; multi-file) from the point of
view of a client generated from <old>, and prints every change with its level and the semver
bump it needs (major: breaking; minor: warnings or additions; patch: documentation only).

Options:
  --format <f>    text (default), markdown (pull-request body / changelog entry) or json
  --fail-on <l>   exit 1 when a change at level <l> or worse is found (breaking | warning)
  --allow-remote-refs <url-prefix>
                  let either spec name remote $refs under this http(s) URL prefix (repeatable);
                  refs outside the spec's own folder are refused otherwise, as in generate
  -h, --help      show this help

Exit codes: 0 done, 1 --fail-on met, 2 bad usage or an unreadable / invalid spec.`;

const FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json'];
const FAIL_ON = ['breaking', 'warning'] as const;
type FailOn = (typeof FAIL_ON)[number];

export interface CommandIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** `diff <old> <new> [--format] [--fail-on] [--allow-remote-refs]...`: 0 done, 1 when --fail-on is met, 2 on bad usage or a GeneratorError. */
export async function runDiffCommand(argv: string[], io: CommandIO): Promise<number> {
  let values: { format?: string; 'fail-on'?: string; 'allow-remote-refs'?: string[]; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        'allow-remote-refs': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  if (values.help === true) {
    io.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  const format = FORMATS.find((f) => f === values.format);
  if (!format) return usageError(io, `unknown --format "${values.format ?? ''}" (expected text, markdown or json)`);
  const failOnValue = values['fail-on'];
  const failOn = FAIL_ON.find((f) => f === failOnValue);
  if (failOnValue !== undefined && !failOn) return usageError(io, `unknown --fail-on "${failOnValue}" (expected breaking or warning)`);
  const [oldSource, newSource, ...extra] = positionals;
  if (oldSource === undefined || newSource === undefined || extra.length > 0) return usageError(io, 'expected exactly two specs: <old> <new>');

  let report: DiffReport;
  let titles: { old: string; new: string };
  try {
    const load = { allowRemoteRefs: values['allow-remote-refs'] ?? [] };
    const [oldSpec, newSpec] = await Promise.all([loadSpec(oldSource, load), loadSpec(newSource, load)]);
    report = diffSpecs(oldSpec.document, newSpec.document);
    titles = { old: titleOf(oldSpec.document, oldSource), new: titleOf(newSpec.document, newSource) };
  } catch (error) {
    if (error instanceof GeneratorError) {
      io.stderr(`diff: ${error.describe().replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    throw error;
  }
  io.stdout(formatReport(report, format, titles));
  return failOn && failed(report, failOn) ? 1 : 0;
}

function failed(report: DiffReport, failOn: FailOn): boolean {
  return report.changes.some((c) => c.level === 'breaking' || (failOn === 'warning' && c.level === 'warning'));
}

/** `info.version`, else the file name: what the markdown heading calls each side. */
function titleOf(document: Record<string, unknown>, source: string): string {
  const version = isObject(document.info) ? str(document.info.version) : undefined;
  return version ?? basename(source);
}

function usageError(io: CommandIO, message: string): number {
  io.stderr(`diff: ${message}\n${DIFF_USAGE}\n`);
  return 2;
}

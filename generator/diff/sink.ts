import { isDocsKind } from './docs.js';
import { code } from './json.js';
import { ruleOf, type ParamsOf, type SpecRuleId } from './rules.js';
import type { Change, ChangeLevel, ChangeSide } from './types.js';

/** One change as a rule reports it, before it is attributed to operations. */
export interface Finding {
  level: ChangeLevel;
  kind: SpecRuleId;
  pointer: string;
  side: ChangeSide;
  message: string;
}

/**
 * Reports a change by rule id (`generator/diff/rules.ts` gives its level, side and wording) for
 * the operation (if any) the caller is walking.
 */
export type Emit = <R extends SpecRuleId>(rule: R, pointer: string, params: ParamsOf<R>) => void;

/** The finding a rule makes of its parameters. */
export function findingOf<R extends SpecRuleId>(id: R, pointer: string, params: ParamsOf<R>): Finding {
  const rule = ruleOf(id);
  return { level: rule.level, kind: id, pointer, side: rule.side, message: rule.message(params) };
}

interface Entry {
  finding: Finding;
  operations: Set<string>;
}

/**
 * Collects findings. A component (`#/components/schemas/PublicSession`) is reached from every
 * operation that uses it; the same finding (level, kind, side, pointer) seen from several
 * operations is ONE change, so one edit to a shared schema is one changelog line. It keeps
 * `operation` when exactly one operation is affected and names them all in the message otherwise.
 */
export class ChangeSink {
  private readonly entries = new Map<string, Entry>();

  emitterFor(operation?: string): Emit {
    return (id, pointer, params) => this.add(findingOf(id, pointer, params), operation);
  }

  add(finding: Finding, operation?: string): void {
    // The rule fixes level and side, so its id and the pointer identify the change.
    const key = `${finding.kind}|${finding.pointer}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { finding, operations: new Set() };
      this.entries.set(key, entry);
    }
    if (operation !== undefined) entry.operations.add(operation);
  }

  changes(): Change[] {
    const out: Change[] = [];
    for (const { finding, operations } of this.entries.values()) {
      const ops = [...operations].sort(compareOperations);
      const single = ops.length === 1 ? ops[0] : undefined;
      // Documentation lines only count the operations; everything else names them for review.
      const affected = isDocsKind(finding.kind) ? `used by ${ops.length} operations` : `affects ${ops.length} operations: ${ops.map((o) => code(o)).join(', ')}`;
      const message = ops.length > 1 ? `${finding.message} (${affected})` : finding.message;
      out.push({
        level: finding.level,
        kind: finding.kind,
        ...(single !== undefined ? { operation: single } : {}),
        pointer: finding.pointer,
        side: finding.side,
        message,
      });
    }
    return out.sort(compareChanges);
  }
}

/** `GET /v1/x` → sorts by path, then method, so one path's operations stay together. */
export function compareOperations(a: string, b: string): number {
  return compareText(operationKey(a), operationKey(b));
}

function operationKey(operation: string): string {
  const space = operation.indexOf(' ');
  return space < 0 ? operation : `${operation.slice(space + 1)} ${operation.slice(0, space)}`;
}

/** Deterministic order: changes without an operation first, then by operation, pointer, kind. */
export function compareChanges(a: Change, b: Change): number {
  if (a.operation !== b.operation) {
    if (a.operation === undefined) return -1;
    if (b.operation === undefined) return 1;
    return compareOperations(a.operation, b.operation);
  }
  return compareText(a.pointer, b.pointer) || compareText(a.kind, b.kind) || compareText(a.side, b.side) || compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

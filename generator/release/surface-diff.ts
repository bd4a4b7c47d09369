/**
 * Compares the public surfaces of two generated packages (surface.ts) the way a caller meets
 * them: exports removed, added or renamed; methods of the client's resources and of exported
 * classes removed, added or renamed; and signatures that reject a call the old one accepted or
 * return what the old return type did not allow. Rules, levels and wording are rows of the diff
 * rules table (`generator/diff/rules.ts`, section "Generated client").
 *
 * Types are judged by the spec rules: where a parameter or return type is spelled the same on
 * both sides (`APIPromise<GetPetResponse>`), what changed inside it is a spec change already
 * reported, so only types spelled differently are compared (with the checker's assignability).
 * Classes carry private members, so they are compared member by member, never as wholes.
 */
import type ts from 'typescript';
import { ruleOf, type ClientRuleId, type ParamsOf } from '../diff/rules.js';
import type { SurfaceChange } from '../diff/types.js';
import { compareText, loadSurfaces, renderSurface, type ExportKind, type SurfaceExport, type SurfaceMember, type SurfacePair, type SurfaceSignature } from './surface.js';

/** The changes from the old surface to the new one, sorted by symbol, then rule id. */
export function diffSurfaces(pair: SurfacePair): SurfaceChange[] {
  const diff = new SurfaceDiff(pair.checker);
  diff.exports(pair.old.exports, pair.new.exports);
  return diff.sorted();
}

export interface ClientSurfaceDiff {
  changes: SurfaceChange[];
  /** `renderSurface` of each package, for review. */
  oldSurface: string;
  newSurface: string;
}

/** Loads two generated package directories (each with `src/index.ts`) into one program and compares them. */
export function diffGeneratedClients(oldDir: string, newDir: string): ClientSurfaceDiff {
  const pair = loadSurfaces(oldDir, newDir);
  return { changes: diffSurfaces(pair), oldSurface: renderSurface(pair.old), newSurface: renderSurface(pair.new) };
}

/** Interfaces and type aliases are interchangeable for a caller: both are types. */
function family(kind: ExportKind): string {
  return kind === 'interface' ? 'type' : kind;
}

const KIND_TEXT: Record<ExportKind, string> = { class: 'class', function: 'function', interface: 'interface', type: 'type', variable: 'constant', enum: 'enum', namespace: 'namespace' };

interface Verdict {
  breaking: string[];
  changed: string[];
}

class SurfaceDiff {
  readonly #checker: ts.TypeChecker;
  readonly #changes: SurfaceChange[] = [];

  constructor(checker: ts.TypeChecker) {
    this.#checker = checker;
  }

  sorted(): SurfaceChange[] {
    return [...this.#changes].sort((a, b) => compareText(a.symbol, b.symbol) || compareText(a.kind, b.kind) || compareText(a.message, b.message));
  }

  #emit<R extends ClientRuleId>(id: R, symbol: string, params: ParamsOf<R>): void {
    const rule = ruleOf(id);
    this.#changes.push({ level: rule.level, kind: id, symbol, side: rule.side, message: rule.message(params) });
  }

  exports(oldExports: readonly SurfaceExport[], newExports: readonly SurfaceExport[]): void {
    const oldByName = new Map(oldExports.map((e) => [e.name, e]));
    const newByName = new Map(newExports.map((e) => [e.name, e]));
    const removed = oldExports.filter((e) => !newByName.has(e.name));
    const added = newExports.filter((e) => !oldByName.has(e.name));
    const sameKind = (a: SurfaceExport, b: SurfaceExport): boolean => family(a.kind) === family(b.kind);
    const renames = [
      // Same declaration text but for the name, then (for what has no such twin) the same type.
      ...pairUnique(removed, added, (a, b) => sameKind(a, b) && a.shape === b.shape),
    ];
    const left = (list: readonly SurfaceExport[]): SurfaceExport[] => list.filter((e) => !renames.some(([o, n]) => o === e || n === e));
    renames.push(...pairUnique(left(removed), left(added), (a, b) => sameKind(a, b) && this.#sameType(a, b)));
    for (const [o, n] of renames) this.#emit('export-renamed', o.name, { what: KIND_TEXT[n.kind], from: o.name, to: n.name });
    for (const o of left(removed)) this.#emit('export-removed', o.name, { symbol: o.name, what: KIND_TEXT[o.kind] });
    for (const n of left(added)) this.#emit('export-added', n.name, { symbol: n.name, what: KIND_TEXT[n.kind] });
    for (const o of oldExports) {
      const n = newByName.get(o.name);
      if (n) this.#export(o, n);
    }
  }

  /** Renamed exports: mutually compatible signatures, or mutually assignable types (classes only by shape). */
  #sameType(a: SurfaceExport, b: SurfaceExport): boolean {
    if (a.kind === 'class' || a.generic || b.generic) return false;
    if (a.kind === 'function') return this.#signatures(a.signatures, b.signatures).breaking.length === 0 && this.#signatures(b.signatures, a.signatures).breaking.length === 0;
    return this.#checker.isTypeAssignableTo(a.type, b.type) && this.#checker.isTypeAssignableTo(b.type, a.type);
  }

  #export(o: SurfaceExport, n: SurfaceExport): void {
    if (o.symbol === n.symbol) return; // one declaration (a shared runtime)
    if (family(o.kind) !== family(n.kind)) {
      this.#emit('export-kind-changed', n.name, { symbol: n.name, from: KIND_TEXT[o.kind], to: KIND_TEXT[n.kind] });
      return;
    }
    switch (n.kind) {
      case 'function': {
        const verdict = this.#signatures(o.signatures, n.signatures);
        if (verdict.breaking.length > 0) this.#emit('function-signature-incompatible', n.name, { symbol: n.name, detail: verdict.breaking.join('; ') });
        else if (verdict.changed.length > 0) this.#emit('function-signature-changed', n.name, { symbol: n.name, detail: verdict.changed.join('; ') });
        return;
      }
      case 'class':
        // A resource class's members are compared where the client's property leads to them.
        if (o.reachedVia === undefined && n.reachedVia === undefined) this.#members(o.members, n.members);
        return;
      default: {
        const changed = o.generic || n.generic ? o.shape !== n.shape : !(this.#checker.isTypeAssignableTo(o.type, n.type) && this.#checker.isTypeAssignableTo(n.type, o.type));
        if (changed) this.#emit('export-type-changed', n.name, { symbol: n.name });
      }
    }
  }

  #members(oldMembers: readonly SurfaceMember[], newMembers: readonly SurfaceMember[]): void {
    const newByPath = new Map(newMembers.map((m) => [m.path, m]));
    // Old paths as the new package spells them, once renamed resources are followed.
    const renamedPath = new Map<string, string>();
    const current = (m: SurfaceMember): string => {
      for (const [from, to] of renamedPath) if (m.path === from || m.path.startsWith(`${from}.`)) return `${to}${m.path.slice(from.length)}`;
      return m.path;
    };
    const depth = (m: SurfaceMember): number => m.path.split('.').length;

    // A resource property renamed (a config `resource` override): same parent, same members.
    const resources = (list: readonly SurfaceMember[]): SurfaceMember[] => list.filter((m) => m.resource).sort((a, b) => depth(a) - depth(b));
    for (const o of resources(oldMembers)) {
      if (newByPath.has(current(o))) continue;
      const candidates = resources(newMembers).filter((n) => !oldMembers.some((m) => current(m) === n.path) && parentOf(n.path) === parentOf(current(o)) && n.shape === o.shape);
      if (candidates.length !== 1) continue;
      const n = candidates[0]!;
      if (resources(oldMembers).filter((m) => !newByPath.has(current(m)) && parentOf(current(m)) === parentOf(n.path) && m.shape === n.shape).length !== 1) continue;
      renamedPath.set(o.path, n.path);
      this.#emit('property-renamed', o.path, { from: o.path, to: n.path });
    }

    const oldByPath = new Map(oldMembers.map((m) => [current(m), m]));
    const renamedAway = new Set(renamedPath.keys());
    const removed = oldMembers.filter((m) => !newByPath.has(current(m)) && !renamedAway.has(m.path));
    const added = newMembers.filter((m) => !oldByPath.has(m.path) && ![...renamedPath.values()].includes(m.path));

    // A method renamed (a config `method` override): same parent, a signature that accepts and returns the same.
    const sameParent = (a: SurfaceMember, b: SurfaceMember): boolean => a.kind === 'method' && b.kind === 'method' && parentOf(current(a)) === parentOf(b.path);
    const renames = pairUnique(removed, added, (a, b) => sameParent(a, b) && a.shape === b.shape);
    const unpaired = (list: readonly SurfaceMember[]): SurfaceMember[] => list.filter((m) => !renames.some(([o, n]) => o === m || n === m));
    renames.push(
      ...pairUnique(unpaired(removed), unpaired(added), (a, b) => sameParent(a, b) && this.#signatures(a.signatures, b.signatures).breaking.length === 0 && this.#signatures(b.signatures, a.signatures).breaking.length === 0),
    );
    for (const [o, n] of renames) this.#emit('method-renamed', o.path, { from: o.path, to: n.path });
    for (const o of unpaired(removed)) this.#emit(o.kind === 'property' ? 'property-removed' : 'method-removed', o.path, { symbol: o.path });
    for (const n of unpaired(added)) this.#emit(n.kind === 'property' ? 'property-added' : 'method-added', n.path, { symbol: n.path });

    for (const o of oldMembers) {
      const n = newByPath.get(current(o));
      if (!n || n.kind !== o.kind) continue;
      if (n.kind !== 'property') {
        const verdict = this.#signatures(o.signatures, n.signatures);
        if (verdict.breaking.length > 0) this.#emit('method-signature-incompatible', n.path, { symbol: n.path, detail: verdict.breaking.join('; ') });
        else if (verdict.changed.length > 0) this.#emit('method-signature-changed', n.path, { symbol: n.path, detail: verdict.changed.join('; ') });
      } else if (!o.resource && !n.resource && o.type && n.type && !this.#compatible(n.type, o.type, n.typeText ?? '', o.typeText ?? '')) {
        this.#emit('property-type-incompatible', n.path, { symbol: n.path, detail: `its type changed from ${code(o.typeText ?? '?')} to ${code(n.typeText ?? '?')}, which code reading it may not accept` });
      }
    }
  }

  /**
   * Whether every call the old signatures accepted still compiles against the new ones, and
   * what they return is still what the old return type allowed. Overloads: each old signature
   * needs one new signature it is compatible with.
   */
  #signatures(oldSigs: readonly SurfaceSignature[], newSigs: readonly SurfaceSignature[]): Verdict {
    if (oldSigs.length === 1 && newSigs.length === 1) return this.#signature(oldSigs[0]!, newSigs[0]!);
    const breaking: string[] = [];
    oldSigs.forEach((o, i) => {
      const verdicts = newSigs.map((n) => this.#signature(o, n));
      if (!verdicts.some((v) => v.breaking.length === 0)) breaking.push(...(verdicts[Math.min(i, verdicts.length - 1)]?.breaking ?? [`no overload accepts ${code(o.text)}`]));
    });
    const texts = (list: readonly SurfaceSignature[]): string => list.map((s) => s.text).join(' | ');
    return { breaking, changed: texts(oldSigs) === texts(newSigs) ? [] : [`overloads changed from ${code(texts(oldSigs))} to ${code(texts(newSigs))}`] };
  }

  #signature(o: SurfaceSignature, n: SurfaceSignature): Verdict {
    const breaking: string[] = [];
    const changed: string[] = [];
    if (o.typeParameters > 0 || n.typeParameters > 0) {
      // Type parameters of two declarations do not relate; a generic signature is compared as text.
      if (o.text !== n.text) changed.push(`signature changed from ${code(o.text)} to ${code(n.text)}`);
      return { breaking, changed };
    }
    const rest = n.parameters.find((p) => p.rest);
    o.parameters.forEach((op, i) => {
      const np = n.parameters[i] ?? rest;
      if (!np) {
        breaking.push(`parameter ${code(op.name)} was removed`);
        return;
      }
      // Arguments are positional: a parameter is the one at the same place, whatever its name.
      const name = op.name === np.name ? code(np.name) : `${code(op.name)} (now ${code(np.name)})`;
      if (op.optional && !np.optional && !np.rest) breaking.push(`parameter ${name} became required`);
      if (!this.#compatible(op.type, np.type, op.text, np.text)) breaking.push(`parameter ${name} no longer accepts ${code(op.text)} (now ${code(np.text)})`);
      else if (op.text !== np.text) changed.push(`parameter ${name} type changed from ${code(op.text)} to ${code(np.text)}`);
    });
    for (const np of n.parameters.slice(o.parameters.length)) {
      if (np.rest) continue;
      if (np.optional) changed.push(`new optional parameter ${code(np.name)}`);
      else breaking.push(`new required parameter ${code(np.name)}`);
    }
    if (!this.#compatible(n.returnType, o.returnType, n.returnText, o.returnText)) breaking.push(`returns ${code(n.returnText)}, which is not assignable to the old ${code(o.returnText)}`);
    else if (n.returnText !== o.returnText) changed.push(`return type changed from ${code(o.returnText)} to ${code(n.returnText)}`);
    return { breaking, changed };
  }

  /** Spelled the same: judged by the spec rules. Spelled differently: the checker decides. */
  #compatible(source: ts.Type, target: ts.Type, sourceText: string, targetText: string): boolean {
    return sourceText === targetText || this.#checker.isTypeAssignableTo(source, target);
  }
}

/** `a.b.c` → `a.b`. */
function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('.'));
}

/** Pairs that match each other and nothing else, in the order of `from`. */
function pairUnique<T>(from: readonly T[], to: readonly T[], match: (a: T, b: T) => boolean): [T, T][] {
  const candidates = new Map(from.map((a) => [a, to.filter((b) => match(a, b))]));
  const pairs: [T, T][] = [];
  for (const a of from) {
    const [b, ...more] = candidates.get(a) ?? [];
    if (b === undefined || more.length > 0) continue;
    if (from.filter((x) => candidates.get(x)?.includes(b)).length === 1) pairs.push([a, b]);
  }
  return pairs;
}

function code(text: string): string {
  return `\`${text}\``;
}

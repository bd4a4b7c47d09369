/** Public types of the spec diff engine (see index.ts for the rule list). */

/** How a change affects a client generated from the OLD spec. Documentation-only changes are `non-breaking` with a `docs-*` kind. */
export type ChangeLevel = 'breaking' | 'warning' | 'non-breaking';

/** Which spec `pointer` points into: `old` for removals (the thing no longer exists in the new spec), `new` otherwise. */
export type ChangeSide = 'old' | 'new';

export interface Change {
  level: ChangeLevel;
  /** Stable kebab-case id of the rule, e.g. `response-property-removed`; `docs-*` kinds are documentation only. */
  kind: string;
  /** `GET /v1/sessions` (new path spelling) when the change concerns exactly one operation. */
  operation?: string;
  /** RFC 6901 pointer (`#/…`) to the node that changed, in the spec named by `side`. */
  pointer: string;
  side: ChangeSide;
  message: string;
}

/** A change to the generated client's public surface (`generator/release/surface-diff.ts`). */
export interface SurfaceChange {
  level: ChangeLevel;
  /** Stable kebab-case id of the rule, e.g. `method-renamed` (see `docs/diff-rules.md`). */
  kind: string;
  /** The export or member it concerns: `getPet`, `NotAi.pets.get` (the old name for removals and renames). */
  symbol: string;
  /** `old` when `symbol` names the old package (removals, renames), `new` otherwise. */
  side: ChangeSide;
  message: string;
}

export interface DiffReport {
  verdict: 'major' | 'minor' | 'patch';
  changes: Change[];
  /** Changes to the generated client's public surface, when the report includes them (`combineReports`). */
  surface?: SurfaceChange[];
}

/** Which way data flows: `request` is written by the client, `response` read by it. */
export type Direction = 'request' | 'response';

export type Json = Record<string, unknown>;

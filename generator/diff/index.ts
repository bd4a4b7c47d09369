/**
 * Spec diff engine: compares two OpenAPI 3.0/3.1 documents from the point of view of a client
 * generated from the OLD one, lists every change with a level, and picks the semver bump.
 *
 * Reading rules (oasdiff is the reference for the rule set):
 * - Responses are read by the client: removing, retyping, loosening (optional, nullable, wider
 *   type, removed format) breaks it; adding never does; a new enum value is a warning.
 * - Requests are written by the client: tightening (new required parameter or property, made
 *   required, narrower type, tighter bounds, enum value removed) breaks it; loosening never does.
 * - Schemas are compared structurally after following `$ref` (moving a field into a named
 *   component is no change), with nullability spelled either way treated as one concept, and
 *   recursive schemas cut off by (old, new) pointer pair.
 * - Operations are matched by method + path with parameter names ignored; nothing else.
 * - Documentation (descriptions, summaries, titles, examples) changes are `non-breaking` with a
 *   `docs-*` kind: they alone give a `patch` verdict.
 * - A change to a shared component is reported once, at the component's pointer, naming every
 *   operation it affects.
 *
 * Every rule (id, level, side, description, message) is one row of `rules.ts`; walkers emit by
 * id. `docs/diff-rules.md` is generated from that table.
 */
export { diffSpecs } from './engine.js';
export { combineReports, formatReport, verdictOf, type ReportFormat } from './report.js';
export { runDiffCommand } from './command.js';
export { isDocsKind } from './docs.js';
export { RULES, rulesMarkdown, isRuleId, type Rule, type RuleId, type RuleSection } from './rules.js';
export type { Change, ChangeLevel, ChangeSide, DiffReport, SurfaceChange } from './types.js';

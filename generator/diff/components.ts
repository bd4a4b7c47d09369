import type { DiffContext } from './context.js';
import { child, code, isObject, sortedUnion } from './json.js';

/**
 * Named component schemas. The generated client exports a type alias for every one
 * (`models.ts`), so a component removed (or renamed: removed + added) breaks imports of it and
 * a new one is a new export. What a schema contains is compared where operations use it.
 */
export function diffComponentSchemas(ctx: DiffContext): void {
  const emit = ctx.sink.emitterFor();
  const oldSchemas = schemasOf(ctx.oldDoc);
  const newSchemas = schemasOf(ctx.newDoc);
  for (const name of sortedUnion(Object.keys(oldSchemas), Object.keys(newSchemas))) {
    const pointer = child('#/components/schemas', name);
    const inOld = name in oldSchemas;
    const inNew = name in newSchemas;
    if (inOld && !inNew) {
      emit({ level: 'breaking', kind: 'component-schema-removed', pointer, side: 'old', message: `Schema ${code(name)} was removed (its exported model type goes away)` });
    } else if (!inOld && inNew) {
      emit({ level: 'non-breaking', kind: 'component-schema-added', pointer, side: 'new', message: `Schema ${code(name)} was added` });
    } else {
      const o = oldSchemas[name];
      const n = newSchemas[name];
      const wasDeprecated = isObject(o) && o.deprecated === true;
      const isDeprecated = isObject(n) && n.deprecated === true;
      if (!wasDeprecated && isDeprecated) emit({ level: 'warning', kind: 'component-schema-deprecated', pointer, side: 'new', message: `Schema ${code(name)} was deprecated` });
      if (wasDeprecated && !isDeprecated) emit({ level: 'non-breaking', kind: 'component-schema-undeprecated', pointer, side: 'new', message: `Schema ${code(name)} is no longer deprecated` });
    }
  }
}

function schemasOf(doc: Record<string, unknown>): Record<string, unknown> {
  const components = doc.components;
  return isObject(components) && isObject(components.schemas) ? components.schemas : {};
}

import type { DiffContext } from './context.js';
import { child, isObject } from '../schema/json.js';
import { sortedUnion } from './json.js';

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
      emit('component-schema-removed', pointer, { name });
    } else if (!inOld && inNew) {
      emit('component-schema-added', pointer, { name });
    } else {
      const o = oldSchemas[name];
      const n = newSchemas[name];
      const wasDeprecated = isObject(o) && o.deprecated === true;
      const isDeprecated = isObject(n) && n.deprecated === true;
      if (!wasDeprecated && isDeprecated) emit('component-schema-deprecated', pointer, { name });
      if (wasDeprecated && !isDeprecated) emit('component-schema-undeprecated', pointer, { name });
    }
  }
}

function schemasOf(doc: Record<string, unknown>): Record<string, unknown> {
  const components = doc.components;
  return isObject(components) && isObject(components.schemas) ? components.schemas : {};
}

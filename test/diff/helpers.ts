import type { Change } from '../../generator/diff/index.js';

type Obj = Record<string, unknown>;

/** A minimal 3.1 document (3.0 with `version: '3.0'`) around the given paths. */
export function doc(paths: Obj, extra: Obj = {}, version: '3.0' | '3.1' = '3.1'): Obj {
  return {
    openapi: version === '3.1' ? '3.1.0' : '3.0.3',
    info: { title: 'Test API', version: '1.0.0' },
    servers: [{ url: 'https://api.example.test' }],
    paths,
    ...extra,
  };
}

/** `GET /things` with the given 200 body schema, parameters and extra responses. */
export function getThings(schema: unknown, options: { parameters?: unknown[]; responses?: Obj; op?: Obj } = {}): Obj {
  return {
    '/things': {
      get: {
        operationId: 'listThings',
        ...(options.parameters ? { parameters: options.parameters } : {}),
        responses: { '200': { description: 'ok', content: { 'application/json': { schema } } }, ...options.responses },
        ...options.op,
      },
    },
  };
}

export function object(properties: Obj, required: string[] = []): Obj {
  return { type: 'object', ...(required.length > 0 ? { required } : {}), properties };
}

export function query(name: string, schema: unknown, more: Obj = {}): Obj {
  return { name, in: 'query', schema, ...more };
}

/** Pointer of the 200 JSON body schema of `GET /things`. */
export const BODY = '#/paths/~1things/get/responses/200/content/application~1json/schema';
export const OP = 'GET /things';

/** The fields a rule table compares. */
export function brief(changes: readonly Change[]): { level: string; kind: string; operation?: string; pointer: string }[] {
  return changes.map((c) => ({ level: c.level, kind: c.kind, ...(c.operation !== undefined ? { operation: c.operation } : {}), pointer: c.pointer }));
}

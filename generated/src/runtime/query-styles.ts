// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/query-styles.ts.
import { formatScalar, isPlainObject, type QueryStyler } from './query.js';

/*
 * The query styles other than form/explode (OpenAPI 3): a module of its own so a client whose API
 * declares no style never bundles it (settings.queryStyles).
 */

const DELIMITER = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' } as const;

/** Adds one parameter serialised in its declared style (default style "form", explode true for form). */
export const styleQuery: QueryStyler = (params, key, value, { style = 'form', explode = style === 'form' }) => {
  if (Array.isArray(value)) {
    const items = (value as unknown[])
      .filter((item) => item !== undefined && item !== null)
      .map((item) => formatScalar(key, item));
    if (explode || style === 'deepObject') for (const item of items) params.append(key, item);
    else if (items.length > 0) params.append(key, items.join(DELIMITER[style]));
  } else if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    if (style === 'deepObject')
      for (const [k, v] of entries) params.append(`${key}[${k}]`, formatScalar(`${key}[${k}]`, v));
    else if (explode) for (const [k, v] of entries) params.append(k, formatScalar(`${key}.${k}`, v));
    else params.append(key, entries.flatMap(([k, v]) => [k, formatScalar(`${key}.${k}`, v)]).join(','));
  } else {
    params.append(key, formatScalar(key, value));
  }
};

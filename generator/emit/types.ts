import openapiTS, { astToString } from 'openapi-typescript';
import { createConfig, type Config } from '@redocly/openapi-core';
import { GeneratorError } from '../errors.js';
import { prepareForTypes } from './types-input.js';

let quietConfig: Promise<Config> | undefined;

/**
 * Types come from openapi-typescript, untouched, so the generated client indexes into the same
 * `paths`/`components` every openapi-typescript user knows. The loader already validated and
 * bundled the document, so openapi-typescript gets a config with no rules to avoid linting twice.
 */
export async function emitTypes(document: Record<string, unknown>): Promise<string> {
  quietConfig ??= createConfig({ rules: {} }, {});
  try {
    const nodes = await openapiTS(prepareForTypes(document) as unknown as Parameters<typeof openapiTS>[0], {
      redocly: await quietConfig,
      silent: true,
      alphabetize: false,
      // Response fields the spec does not mark required stay optional: the safe reading.
      defaultNonNullable: false,
    });
    return astToString(nodes);
  } catch (error) {
    throw new GeneratorError(`openapi-typescript could not convert the spec: ${(error as Error).message}`, '#', undefined, { cause: error });
  }
}

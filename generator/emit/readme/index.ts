/**
 * The generated package's README, printed from the IR so it cannot drift from the code. Nothing
 * here names a particular API: every name, header, region, code and example call comes from the
 * input, and every ```ts block is type-checked against the generated package by
 * test/docs/readme-examples.test.ts (for the pinned spec and for a foreign one). One file per
 * section (sections/), shared by all: markdown.ts (escaping), examples.ts (placeholder values),
 * calls.ts (example calls).
 */
import type { ApiIR } from '../../ir/types.js';
import { about } from './sections/about.js';
import { authentication } from './sections/authentication.js';
import { errors } from './sections/errors.js';
import { install } from './sections/install.js';
import { intro } from './sections/intro.js';
import { logging } from './sections/logging.js';
import { operations } from './sections/operations.js';
import { pagination } from './sections/pagination.js';
import { quickStart } from './sections/quick-start.js';
import { rawResponses } from './sections/raw-responses.js';
import { regions } from './sections/regions.js';
import { retries } from './sections/retries.js';
import { runtimes } from './sections/runtimes.js';
import { types } from './sections/types.js';

export interface ReadmeInput {
  ir: ApiIR;
  header: string;
}

/** The generated package's README: printed from the IR alone, so it cannot drift from the code. */
export function emitReadme({ ir, header }: ReadmeInput): string {
  const lines = [
    `<!-- ${header.replace(/--/g, '- -')} -->`,
    '',
    ...intro(ir),
    ...install(ir),
    ...quickStart(ir),
    ...about(ir),
    ...authentication(ir),
    ...regions(ir),
    ...operations(ir),
    ...pagination(ir),
    ...errors(ir),
    ...retries(ir),
    ...rawResponses(ir),
    ...logging(ir),
    ...types(ir),
    ...runtimes(ir),
  ];
  // Spec text is everywhere in it; its invisible and control characters become visible escapes
  // where every file of the package passes (emitPackage in emit/index.ts).
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** README section. Browsers and other runtimes. */
import type { ApiIR } from '../../../ir/types.js';

export function runtimes(ir: ApiIR): string[] {
  return [
    '## Browsers and other runtimes',
    '',
    `The client uses the global \`fetch\`, looked up at call time; pass \`fetch\` to \`new ${ir.clientClassName}()\` to use another one (a mock, an instrumented fetch, undici). In browsers it sends no \`User-Agent\` (browsers forbid it) and needs the API to allow your origin (CORS). Do not ship a secret API key to a browser: anyone can read it there. Call the API from a server you control, or use a key meant to be public.`,
    '',
  ];
}

/** README section. The install command. */
import type { ApiIR } from '../../../ir/types.js';

export function install(ir: ApiIR): string[] {
  return ['## Install', '', '```sh', `npm install ${ir.packageName}`, '```', ''];
}

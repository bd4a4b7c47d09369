/** README section. The first example: build a client, call one operation. */
import type { ApiIR } from '../../../ir/types.js';
import { firstPaged, firstPlain, opening, operationExample } from '../calls.js';
import { list, ts, tsString } from '../markdown.js';

export function quickStart(ir: ApiIR): string[] {
  const env = ir.auth.envVars;
  const optional = ir.auth.keyOptional ? 'optional ' : '';
  const where = env.length > 0 ? `${optional}key from ${list(env, 'or')}` : ir.auth.keyOptional ? 'no key needed' : 'pass `apiKey`';
  const region = ir.servers.length > 1 ? `; region ${tsString(ir.servers[0]!.name)} by default` : '';
  const construct = ir.servers.length > 0 ? `const client = new ${ir.clientClassName}(); // ${where}${region}` : `const client = new ${ir.clientClassName}({ baseUrl: 'https://api.example.com' }); // ${where}`;
  const pick = firstPaged(ir) ?? firstPlain(ir);
  const body = pick ? operationExample(pick.resource, pick.op) : undefined;
  return [
    '## Quick start',
    '',
    ...ts(...opening(ir, [], body?.types ?? [], construct), ...(body ? [...body.declarations, '', ...body.lines] : [])),
  ];
}

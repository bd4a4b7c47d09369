/** README section. The `credentials` option, for APIs whose operations take different credentials. */
import { ts } from '../markdown.js';
import { acceptedCredentials } from '../../../ir/security.js';
import type { ApiIR } from '../../../ir/types.js';
import { alternatives, calls, opening, operationsInOrder } from '../calls.js';
import { propertyKey, screaming } from '../examples.js';

/** The `credentials` option, for APIs whose operations take different keys (Petstore's OAuth and `api_key`). */
export function severalCredentials(ir: ApiIR): string[] {
  const groups = new Map<string, { accepts: string[][]; ops: ReturnType<typeof operationsInOrder> }>();
  for (const entry of operationsInOrder(ir)) {
    const accepts = acceptedCredentials(ir, entry.op);
    if (accepts === undefined) continue;
    const id = JSON.stringify(accepts);
    const group = groups.get(id) ?? { accepts, ops: [] };
    group.ops.push(entry);
    groups.set(id, group);
  }
  if (groups.size === 0) return [];
  const named = [...new Set([...groups.values()].flatMap((g) => g.accepts.flat()))];
  const example = named.map((name) => `${propertyKey(name)}: 'YOUR_${screaming(name)}'`);
  const lines = [
    `Operations of this API take different credentials. Pass one per auth form in \`credentials\` (\`apiKey\` counts as the credential of its \`authHeader\` form); each call sends the first set its operation accepts, or \`apiKey\` itself where the operation accepts that form on its own. When an operation accepts none of those you gave, it gets nothing if it can be called without credentials, else \`apiKey\` (or, without one, your credential for the first form in the table above) anyway, and the server's answer says what is wrong.`,
    '',
    ...ts(...opening(ir, [], [], `const client = new ${ir.clientClassName}({ credentials: { ${example.join(', ')} } });`)),
  ];
  for (const group of groups.values()) {
    if (group.accepts.length === 0) continue;
    lines.push(`- ${alternatives(group.accepts)}: ${calls(group.ops)}`);
  }
  return [...lines, ''];
}

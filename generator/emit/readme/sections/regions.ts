/** README section. The servers the client can talk to, and `baseUrl`. */
import type { ApiIR } from '../../../ir/types.js';
import { literal } from '../../ts.js';
import { code, list, mdCell, ts, tsString } from '../markdown.js';

export function regions(ir: ApiIR): string[] {
  const c = ir.clientClassName;
  const lines = ['## Regions', ''];
  if (ir.servers.length === 0) {
    lines.push(`The spec names no server the client can use: pass \`baseUrl\` to \`new ${c}()\`.`, '');
  } else {
    lines.push(
      `\`region\` picks one of the spec's servers (type \`${c}Region\`); the first is the default. \`baseUrl\` overrides it, for a proxy or a local test server (plain \`http://\` is refused except for \`localhost\`, \`127.0.0.0/8\` and \`::1\`, because the key travels with every request).`,
      '',
      '| `region` | base URL | |',
      '| --- | --- | --- |',
      ...ir.servers.map((s, i) => `| ${code(tsString(s.name), true)} | ${code(s.url, true)} | ${[i === 0 ? 'default' : '', s.description ? mdCell(s.description) : ''].filter(Boolean).join(', ')} |`),
      '',
    );
    const hostOf = ir.servers.find((s) => s.hostOf)?.hostOf;
    if (hostOf) {
      lines.push(`The regions are the values of ${code(`{${hostOf.variable}}`, true)} in the spec's URL template ${code(hostOf.template, true)}. For other values, pass the whole URL as \`baseUrl\`.`, '');
    }
    for (const s of ir.servers) {
      if (!s.template || !s.variables) continue;
      const values = s.variables.map((v) => {
        const others = (v.enum ?? []).filter((e) => e !== v.default);
        return `${code(v.name, true)} = ${code(v.default, true)}${others.length > 0 ? ` (or ${list(others.map((e) => code(e, true)), 'or')})` : ''}`;
      });
      lines.push(`${code(tsString(s.name), true)} is the spec's URL template ${code(s.template, true)} with its variables' defaults: ${list(values)}. For other values, pass the whole URL as \`baseUrl\`.`, '');
    }
  }
  const second = ir.servers[1];
  lines.push(
    ...ts(
      `import { ${c} } from ${literal(ir.packageName)};`,
      '',
      ...(second ? [`const inRegion = new ${c}({ region: ${literal(second.name)} });`] : []),
      `const local = new ${c}({ baseUrl: 'http://127.0.0.1:8787' });`,
      `const proxied = new ${c}({ baseUrl: 'https://gateway.example.com/api' });`,
    ),
  );
  return lines;
}

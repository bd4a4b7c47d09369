import ts from 'typescript';
import { join } from 'node:path';
const dir = process.argv[2]!;
const config = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
const cache = new Map<string, ts.SourceFile>();
function host(options: ts.CompilerOptions) {
  const h = ts.createCompilerHost(options);
  const get = h.getSourceFile.bind(h);
  h.getSourceFile = (f, l, e, c) => { if (!f.includes('/typescript/lib/')) return get(f, l, e, c); let s = cache.get(f); if (!s) { s = get(f, l, e, c)!; cache.set(f, s); } return s; };
  return h;
}
for (const [label, extra, cached] of [['plain', {}, false], ['plain again', {}, false], ['skipDefaultLibCheck', { skipDefaultLibCheck: true }, false], ['cached host', {}, true], ['cached host again', {}, true], ['cached+skipDefault', { skipDefaultLibCheck: true }, true]] as const) {
  const t = process.cpuUsage();
  const options = { ...parsed.options, ...extra, noEmit: true };
  const program = ts.createProgram({ rootNames: [join(dir, 'src', 'index.ts')], options, host: cached ? host(options) : undefined });
  const n = ts.getPreEmitDiagnostics(program).length;
  const u = process.cpuUsage(t);
  console.log(label.padEnd(22), ((u.user + u.system) / 1000).toFixed(0), 'ms', n);
}

// vitest.config.ts runs a test file in a shared process unless test/helpers/isolation.ts finds
// process-wide state in it or in the test helpers it imports (issue #20): a miss would let mocks,
// nock or env changes leak into the next file of the process.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedTestFiles } from '../helpers/isolation.js';
import { tempDir } from '../helpers/ir.js';

async function tree(files: Record<string, string>): Promise<string> {
  const root = await tempDir('isolation-');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('isolatedTestFiles', () => {
  it('isolates files that change process state themselves or through a test helper, and only those', async () => {
    const root = await tree({
      'test/a/plain.test.ts': "import { x } from '../helpers/pure.js';\nimport { generate } from '../../generator/pipeline.js';\n",
      'test/a/mock.test.ts': "vi.mock('node:fs');\n",
      'test/a/spy.test.ts': "const s = vi.spyOn(process.stdout, 'write');\n",
      'test/a/env.test.ts': "process.env.API_KEY = 'k';\n",
      'test/a/env-read.test.ts': "if (process.env.API_KEY === 'k') throw new Error();\n",
      'test/a/fake.test.ts': 'vi.useFakeTimers();\n',
      'test/a/global.test.ts': 'globalThis.fetch = async () => new Response();\n',
      'test/a/via-helper.test.ts': "import { api } from '../helpers/http.js';\n",
      'test/a/via-two.test.ts': "import { y } from '../helpers/outer.js';\n",
      'test/a/marked.test.ts': '// vitest-isolate: keeps a worker thread alive between tests\n',
      'test/helpers/pure.ts': 'export const x = 1;\n',
      'test/helpers/http.ts': "import nock from 'nock';\nexport const api = () => nock('http://x');\n",
      'test/helpers/outer.ts': "export { api as y } from './http.js';\n",
      // Outside test/: the code under test, not followed (it may mention process.env freely).
      'generator/pipeline.ts': 'process.env.X = "1";\n',
    });
    expect(isolatedTestFiles(root)).toEqual(
      ['env', 'fake', 'global', 'marked', 'mock', 'spy', 'via-helper', 'via-two'].map((n) => `test/a/${n}.test.ts`),
    );
  });

  it('finds the repository files that use nock, mocks and fake timers', () => {
    const isolated = isolatedTestFiles(join(import.meta.dirname, '..', '..'));
    expect(isolated).toEqual(expect.arrayContaining(['test/generated/client.nock.test.ts', 'test/generator/cli.test.ts', 'test/runtime/timer.test.ts', 'test/runtime/retries.test.ts']));
    expect(isolated).not.toContain('test/generator/ir.test.ts');
  });
});

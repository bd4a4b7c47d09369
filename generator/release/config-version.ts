import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';

/** Sets `package.version` in the codegen config, keeping its comments and layout. */
export async function setConfigPackageVersion(file: string, version: string): Promise<void> {
  const doc = parseDocument(await readFile(file, 'utf8'));
  doc.setIn(['package', 'version'], version);
  await writeFile(file, doc.toString());
}

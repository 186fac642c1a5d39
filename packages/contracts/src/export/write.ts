import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTopology } from '../topology';
import { buildAsyncApi } from './asyncapi';
import { allEventJsonSchemas } from './json-schema';
import { topologyMarkdown } from './topology-table';

/** Files the export writes, relative to its output folder, with their contents. */
export function exportFiles(version: string): Record<string, string> {
  const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
  const files: Record<string, string> = {
    'asyncapi.json': json(buildAsyncApi(version)),
    'topology.json': json(buildTopology()),
    'topology.md': topologyMarkdown(),
  };
  for (const [type, schema] of Object.entries(allEventJsonSchemas())) {
    files[`events/${type}.schema.json`] = json(schema);
  }
  return files;
}

export function writeExport(outDir: string, version: string): string[] {
  const files = exportFiles(version);
  for (const [path, content] of Object.entries(files)) {
    const full = join(outDir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
  return Object.keys(files).map((p) => join(outDir, p));
}

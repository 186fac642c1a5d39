import { writeFileSync } from 'node:fs';

/** Writes JSON formatted the way the repository's Prettier check expects. */
export async function writeJson(path: string, value: unknown): Promise<void> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(JSON.stringify(value), { ...options, filepath: path }));
}

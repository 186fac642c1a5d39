import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/main';

/** Runs the `docflow` command in this process with its own environment; captures its output. */
export async function docflow(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: { isTTY: false, write: (c: string) => out.push(c) },
    stderr: { isTTY: false, write: (c: string) => err.push(c) },
    env,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const folders: string[] = [];

/** Files with unique contents (so duplicates never collide), in a new temporary folder. */
export function sampleFiles(...names: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'docflow-cli-'));
  folders.push(dir);
  return names.map((name) => {
    const path = join(dir, name);
    writeFileSync(path, `%PDF-1.4 ${name} ${randomUUID()}`);
    return path;
  });
}

/** Removes the folders `sampleFiles` made. */
export function removeSampleFiles(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

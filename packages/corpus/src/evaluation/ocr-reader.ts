import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DetectedType } from '@docflow/contracts';
import { joinPages } from '@docflow/documents';
import { ocrConfigSchema, startExtractor, type Extractor } from '@docflow/ocr/extract';
import { createLogger, parseConfig } from '@docflow/platform';

/** The text the classifier would get for a file, through the OCR stage's own extraction. */
export interface OcrReader {
  read(type: DetectedType, bytes: Buffer): Promise<{ text: string; cached: boolean }>;
  close(): Promise<void>;
}

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A hash of the OCR stage's built code, so a change to its preparation or engine use re-reads. */
function ocrCodeHash(): string {
  const dist = dirname(dirname(require.resolve('@docflow/ocr/extract')));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) hash.update(name).update(readFileSync(path));
    }
  };
  walk(dist);
  return hash.digest('hex').slice(0, 12);
}

/**
 * The OCR stage started with its configuration from the environment (OCR_*, as the service reads
 * it), its pages joined as the classifier joins them. Texts are cached in `cacheDir`, keyed by the
 * file's hash, the engine version and languages and the OCR code's hash; `useCache: false` reads
 * every file again. The engine starts with the first file.
 */
export function createOcrReader(options: { cacheDir: string; useCache: boolean }): OcrReader {
  const config = parseConfig(ocrConfigSchema);
  const code = ocrCodeHash();
  let extractor: Promise<Extractor> | undefined;
  const start = () =>
    (extractor ??= startExtractor(config, createLogger({ service: 'eval', level: 'warn' })));
  return {
    async read(type, bytes) {
      const engine = await start();
      const key = sha(`${sha(bytes)} ${engine.version} ${code}`).slice(0, 32);
      const path = join(options.cacheDir, `${key}.json`);
      if (options.useCache && existsSync(path))
        return {
          text: (JSON.parse(readFileSync(path, 'utf8')) as { text: string }).text,
          cached: true,
        };
      const extraction = await engine.extract(type, bytes);
      const text = joinPages(extraction.pages);
      mkdirSync(options.cacheDir, { recursive: true });
      writeFileSync(path, JSON.stringify({ version: engine.version, code, text }));
      return { text, cached: false };
    },
    async close() {
      if (extractor) await (await extractor).close();
    },
  };
}

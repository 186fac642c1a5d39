import { fmt, summarise, type RateSummary } from '../stats';
import { celeryRun, type CeleryRun } from './celery-anchor';
import { ensureCeleryAnchor } from './celery-setup';

export interface CeleryResult {
  documents: number;
  docsPerSecond: RateSummary;
  runs: CeleryRun[];
}

/** The Celery + Redis anchor alone (`--celery-only`): `reps` runs of `documents` documents. */
export async function celeryBench(
  documents: number,
  reps: number,
): Promise<{ result: CeleryResult; markdown: string }> {
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  log(`\nCelery + Redis anchor: ${documents} documents per run, ${reps} runs`);
  await ensureCeleryAnchor((line) => log(`  [celery] ${line}`));
  const runs: CeleryRun[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    runs.push(await celeryRun(documents, Math.min(300, documents)));
    log(`  run ${rep}: ${fmt(runs.at(-1)!.docsPerSecond)} docs/s`);
  }
  const s = summarise(runs.map((r) => r.docsPerSecond));
  const v = runs[0]!.versions;
  const markdown = [
    '| scenario | docs/s median | min | max |',
    '|---|---|---|---|',
    `| Celery ${v.celery} + Redis ${v.redis_server}, 4-stage chain, ${runs[0]!.pool}, ${documents} documents | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} |`,
  ].join('\n');
  return { result: { documents, docsPerSecond: s, runs }, markdown };
}

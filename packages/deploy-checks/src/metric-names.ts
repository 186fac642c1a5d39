import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { listFiles, readRepoFile, repoPath } from './repo';

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
]);
const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'];
/** Node's default process metrics (prom-client collectDefaultMetrics), per docs/metrics.md. */
const DEFAULT_METRIC_PREFIXES = ['process_', 'nodejs_'];

/**
 * The metric names a PromQL expression selects. Not a full parser: strings, label matchers,
 * range/offset brackets, grouping clauses, Grafana variables and numbers are removed; what is
 * left that is an identifier not followed by `(` is a metric name.
 */
export function metricNamesOf(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/\$\{[^}]*\}|\$\w+/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*(?=\s*(\()?)/g)) {
    const name = match[0];
    if (match[1] === '(' || KEYWORDS.has(name.toLowerCase())) continue;
    const before = stripped.slice(0, match.index);
    if (/[0-9.]$/.test(before)) continue; // a number's exponent or unit (1e3, 5m)
    names.add(name);
  }
  return [...names];
}

/** Metric names defined in the code (`name: 'docflow_…'`) and in docs/metrics.md. */
export function definedMetricNames(): Set<string> {
  const names = new Set<string>();
  const files = ['packages', 'services'].flatMap((dir) =>
    listFiles(repoPath(dir), ['.ts']).filter((f) => /\/src\//.test(f)),
  );
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/name:\s*'([a-z_:][a-z0-9_:]*)'/g)) {
      if (m[1]?.startsWith('docflow_')) names.add(m[1]);
    }
  }
  for (const m of readRepoFile('docs/metrics.md').matchAll(/`(docflow_[a-z0-9_]+)/g)) {
    if (m[1]) names.add(m[1]);
  }
  return names;
}

interface ExternalMetrics {
  metrics: { name: string; source: string; pending?: boolean }[];
}

export function externalMetricNames(): Set<string> {
  const file = parse(readRepoFile('deploy/observability/external-metrics.yml')) as ExternalMetrics;
  return new Set(file.metrics.map((m) => m.name));
}

/** Whether a selected name is a known metric (or a histogram series of one). */
export function isKnownMetric(name: string, known: ReadonlySet<string>): boolean {
  if (known.has(name)) return true;
  if (DEFAULT_METRIC_PREFIXES.some((p) => name.startsWith(p))) return true;
  return HISTOGRAM_SUFFIXES.some((s) => name.endsWith(s) && known.has(name.slice(0, -s.length)));
}

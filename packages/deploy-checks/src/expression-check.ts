import { metricNamesOf } from './metric-names';
import { PrometheusApiError, type PrometheusApi } from './prometheus-api';

/**
 * The metric names a running Prometheus knows: those with HELP/TYPE in its scrapes (a labelled
 * metric without observations yet counts) and every stored series name (`up` among them).
 */
export async function exportedMetricNames(api: PrometheusApi): Promise<Set<string>> {
  const [metadata, series] = await Promise.all([api.metadataNames(), api.seriesNames()]);
  return new Set([...metadata, ...series]);
}

/** Exactly a known name, or a histogram's `_bucket`/`_sum`/`_count` series of one. */
function isExported(name: string, exported: ReadonlySet<string>): boolean {
  if (exported.has(name)) return true;
  return ['_bucket', '_sum', '_count'].some(
    (suffix) => name.endsWith(suffix) && exported.has(name.slice(0, -suffix.length)),
  );
}

/**
 * What is wrong with one expression against a live Prometheus: the API's error (syntax, types),
 * and every metric name it selects that `exported` lacks. Empty when it is fine.
 */
export async function checkExpression(
  api: PrometheusApi,
  expr: string,
  exported: ReadonlySet<string>,
): Promise<string[]> {
  const problems: string[] = [];
  try {
    await api.query(expr);
  } catch (err) {
    if (!(err instanceof PrometheusApiError)) throw err;
    // the names of an expression Prometheus cannot parse mean nothing
    if (err.errorType === 'bad_data') return [err.message];
    problems.push(err.message);
  }
  for (const name of metricNamesOf(expr))
    if (!isExported(name, exported)) problems.push(`no target exports ${name}`);
  return problems;
}

/** A series of a query result: its labels and its [unix seconds, value] samples. */
export interface Series {
  metric: Record<string, string>;
  values: [number, number][];
}

export interface ActiveTarget {
  labels: Record<string, string>;
  scrapeUrl: string;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
  lastScrape: string;
}

export interface RuleState {
  name: string;
  query: string;
  health: 'ok' | 'err' | 'unknown';
  lastError?: string;
  lastEvaluation: string;
  type: 'alerting' | 'recording';
}

/** An error answer of the HTTP API (`errorType` bad_data is a PromQL syntax error). */
export class PrometheusApiError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(`${errorType}: ${message}`);
    this.name = 'PrometheusApiError';
  }
}

type Sample = [number, string];
interface QueryData {
  resultType: 'vector' | 'matrix' | 'scalar' | 'string';
  result: unknown;
}

/** The few calls of Prometheus's HTTP API (v1) that the checks and the report use. */
export function prometheusApi(baseUrl: string) {
  // queries are POSTed (long expressions); the other endpoints only answer GET
  const call = async <T>(path: string, params?: Record<string, string>): Promise<T> => {
    const response = await fetch(
      `${baseUrl}/api/v1/${path}`,
      params
        ? {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(params).toString(),
          }
        : {},
    );
    const body = (await response.json()) as {
      status: 'success' | 'error';
      data: T;
      errorType?: string;
      error?: string;
    };
    if (body.status !== 'success')
      throw new PrometheusApiError(body.errorType ?? String(response.status), body.error ?? '');
    return body.data;
  };
  const toSeries = (data: QueryData): Series[] => {
    const value = (s: Sample): [number, number] => [s[0], Number(s[1])];
    switch (data.resultType) {
      case 'matrix':
        return (data.result as { metric: Record<string, string>; values: Sample[] }[]).map((r) => ({
          metric: r.metric,
          values: r.values.map(value),
        }));
      case 'vector':
        return (data.result as { metric: Record<string, string>; value: Sample }[]).map((r) => ({
          metric: r.metric,
          values: [value(r.value)],
        }));
      default:
        return [{ metric: {}, values: [value(data.result as Sample)] }];
    }
  };

  return {
    /** An instant query; throws PrometheusApiError on a syntax or evaluation error. */
    query: async (expr: string, time?: number): Promise<Series[]> =>
      toSeries(
        await call<QueryData>('query', {
          query: expr,
          ...(time !== undefined ? { time: String(time) } : {}),
        }),
      ),
    queryRange: async (expr: string, start: number, end: number, step: number) =>
      toSeries(
        await call<QueryData>('query_range', {
          query: expr,
          start: String(start),
          end: String(end),
          step: String(step),
        }),
      ),
    targets: async (): Promise<ActiveTarget[]> =>
      (await call<{ activeTargets: ActiveTarget[] }>('targets?state=active')).activeTargets,
    rules: async (): Promise<RuleState[]> =>
      (await call<{ groups: { rules: RuleState[] }[] }>('rules')).groups.flatMap((g) => g.rules),
    /** Metric names with HELP/TYPE from the scrapes (metrics without samples included). */
    metadataNames: async (): Promise<string[]> =>
      Object.keys(await call<Record<string, unknown>>('metadata')),
    /** Every series name stored (`up` and the histogram `_bucket`/`_sum`/`_count` included). */
    seriesNames: async (): Promise<string[]> => call<string[]>('label/__name__/values'),
  };
}

export type PrometheusApi = ReturnType<typeof prometheusApi>;

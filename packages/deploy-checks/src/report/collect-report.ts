import {
  builtInVariables,
  readDashboards,
  substituteVariables,
  type DashboardPanel,
} from '../observability-queries';
import { PrometheusApiError, type PrometheusApi } from '../prometheus-api';
import { legendOf } from './format';
import type { ChartSeries } from './svg-chart';

export interface PanelResult {
  title: string;
  type: string;
  unit?: string;
  series: ChartSeries[];
  /** The expressions as evaluated (variables substituted). */
  queries: string[];
  errors: string[];
}

export interface DashboardResult {
  title: string;
  file: string;
  /** Template variable values the panels were evaluated with. */
  variables: Record<string, string>;
  panels: PanelResult[];
}

export interface ReportData {
  start: number;
  end: number;
  step: number;
  dashboards: DashboardResult[];
}

/**
 * Evaluates every dashboard panel over [start, end] (unix seconds): time series as range queries,
 * stat panels as one instant query at `end` over the whole range, like Grafana does.
 */
export async function collectReport(
  api: PrometheusApi,
  options: {
    start: number;
    end: number;
    step: number;
    scrapeSeconds: number;
    /** Values for template variables; a dashboard's saved value otherwise. */
    variables?: Record<string, string>;
  },
): Promise<ReportData> {
  const { start, end, step } = options;
  const builtIn = builtInVariables({
    scrapeSeconds: options.scrapeSeconds,
    rangeSeconds: end - start,
    stepSeconds: step,
  });
  const dashboards: DashboardResult[] = [];
  for (const dashboard of readDashboards()) {
    const variables = Object.fromEntries(
      dashboard.variables.map((v) => [v.name, options.variables?.[v.name] ?? v.current ?? '']),
    );
    const panels: PanelResult[] = [];
    for (const panel of dashboard.panels)
      panels.push(await evaluatePanel(api, panel, { ...builtIn, ...variables }, options));
    dashboards.push({ title: dashboard.title, file: dashboard.file, variables, panels });
  }
  return { start, end, step, dashboards };
}

async function evaluatePanel(
  api: PrometheusApi,
  panel: DashboardPanel,
  values: Record<string, string>,
  range: { start: number; end: number; step: number },
): Promise<PanelResult> {
  const result: PanelResult = {
    title: panel.title,
    type: panel.type,
    ...(panel.unit ? { unit: panel.unit } : {}),
    series: [],
    queries: [],
    errors: [],
  };
  for (const query of panel.queries) {
    const expr = substituteVariables(query.expr, values);
    result.queries.push(expr);
    try {
      const series =
        panel.type === 'stat'
          ? await api.query(expr, range.end)
          : await api.queryRange(expr, range.start, range.end, range.step);
      for (const s of series)
        result.series.push({ name: legendOf(query.legendFormat, s.metric), points: s.values });
    } catch (err) {
      if (!(err instanceof PrometheusApiError)) throw err;
      result.errors.push(`${query.refId}: ${err.message}`);
    }
  }
  result.series.sort((a, b) => a.name.localeCompare(b.name));
  return result;
}

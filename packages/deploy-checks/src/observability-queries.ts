import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { ALERTS_FILE } from './prometheus-rule';
import { listFiles, readRepoFile, repoPath } from './repo';

export const DASHBOARDS_DIR = 'deploy/observability/grafana';

export interface PanelQuery {
  refId: string;
  expr: string;
  legendFormat?: string;
}

export interface DashboardPanel {
  id: number;
  title: string;
  /** Grafana panel type: timeseries, stat, … */
  type: string;
  unit?: string;
  queries: PanelQuery[];
}

export interface DashboardDefinition {
  file: string;
  uid: string;
  title: string;
  /** Template variables with their saved value. */
  variables: { name: string; current?: string }[];
  panels: DashboardPanel[];
}

interface GrafanaDashboard {
  uid: string;
  title: string;
  templating?: { list: { name: string; current?: { value?: string } }[] };
  panels: {
    id: number;
    title: string;
    type: string;
    fieldConfig?: { defaults?: { unit?: string } };
    targets?: { refId: string; expr: string; legendFormat?: string }[];
  }[];
}

/** Every Grafana dashboard under deploy/observability/grafana, panels in file order. */
export function readDashboards(): DashboardDefinition[] {
  return listFiles(repoPath(DASHBOARDS_DIR), ['.json'])
    .sort()
    .map((file) => {
      const d = JSON.parse(readFileSync(file, 'utf8')) as GrafanaDashboard;
      return {
        file: basename(file),
        uid: d.uid,
        title: d.title,
        variables: (d.templating?.list ?? []).map((v) => ({
          name: v.name,
          ...(v.current?.value ? { current: v.current.value } : {}),
        })),
        panels: d.panels.map((p) => ({
          id: p.id,
          title: p.title,
          type: p.type,
          ...(p.fieldConfig?.defaults?.unit ? { unit: p.fieldConfig.defaults.unit } : {}),
          queries: (p.targets ?? []).map((t) => ({
            refId: t.refId,
            expr: t.expr,
            ...(t.legendFormat ? { legendFormat: t.legendFormat } : {}),
          })),
        })),
      };
    });
}

/** The alert rules of the repository's rule file (the PrometheusRule carries the same). */
export function readAlertRules(): { alert: string; expr: string }[] {
  const rules = parse(readRepoFile(ALERTS_FILE)) as {
    groups: { rules: { alert?: string; record?: string; expr: string }[] }[];
  };
  return rules.groups.flatMap((g) =>
    g.rules.map((r) => ({ alert: r.alert ?? r.record ?? '', expr: r.expr })),
  );
}

/**
 * Grafana's variable forms (`$name`, `${name}`, `${name:format}`, `[[name]]`) replaced by the given
 * values; a variable without a value stays, so Prometheus refuses the expression.
 */
export function substituteVariables(expr: string, values: Record<string, string>): string {
  const value = (name: string, whole: string) => values[name] ?? whole;
  return expr
    .replace(/\$\{(\w+)(?::\w+)?\}/g, (whole, name: string) => value(name, whole))
    .replace(/\[\[(\w+)\]\]/g, (whole, name: string) => value(name, whole))
    .replace(/\$(\w+)/g, (whole, name: string) => value(name, whole));
}

/**
 * Grafana's built-in interval variables for a scrape interval and a time range, as Grafana
 * computes them: `$__rate_interval` = max(4 × scrape interval, `$__interval` + scrape interval).
 */
export function builtInVariables(options: {
  scrapeSeconds: number;
  rangeSeconds: number;
  stepSeconds: number;
}): Record<string, string> {
  const { scrapeSeconds, rangeSeconds, stepSeconds } = options;
  const rate = Math.max(4 * scrapeSeconds, stepSeconds + scrapeSeconds);
  return {
    __interval: `${stepSeconds}s`,
    __interval_ms: String(stepSeconds * 1000),
    __rate_interval: `${rate}s`,
    __range: `${Math.round(rangeSeconds)}s`,
    __range_s: String(Math.round(rangeSeconds)),
    __range_ms: String(Math.round(rangeSeconds * 1000)),
  };
}

import { parse } from 'yaml';
import {
  ALERTS_FILE,
  definedMetricNames,
  externalMetricNames,
  isKnownMetric,
  listFiles,
  metricNamesOf,
  readRepoFile,
  repoPath,
} from '../../src';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface Panel {
  title: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string }[] };
}

const dashboardFiles = listFiles(repoPath('deploy/observability/grafana/dashboards'), ['.json']);
const known = new Set([...definedMetricNames(), ...externalMetricNames()]);

function balanced(expr: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  const code = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const ch of code) {
    if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}

describe('metric-name check', () => {
  it('when an expression is split, then only metric names remain', () => {
    expect(
      metricNamesOf(
        'histogram_quantile(0.95, sum by (consumer, le) (rate(x_bucket{a="b(c"}[5m]))) / on(job) y > 1e3 and z offset 5m',
      ).sort(),
    ).toEqual(['x_bucket', 'y', 'z']);
  });

  it('when a name no service defines is checked, then it is unknown', () => {
    expect(isKnownMetric('docflow_no_such_metric_total', known)).toBe(false);
    expect(isKnownMetric('docflow_handler_duration_seconds_bucket', known)).toBe(true);
  });
});

describe('grafana dashboards', () => {
  const datasources = parse(
    readRepoFile('deploy/observability/grafana/provisioning/datasources/prometheus.yml'),
  ) as {
    datasources: { uid: string }[];
  };
  const uids = datasources.datasources.map((d) => d.uid);

  it('when the folder is listed, then the overview and the per-service RED dashboard are there', () => {
    expect(dashboardFiles.map((f) => basename(f)).sort()).toEqual([
      'pipeline-overview.json',
      'service-red.json',
    ]);
  });

  it.each(dashboardFiles.map((f) => [basename(f), f]))(
    'when %s is read, then every panel query is balanced, uses the provisioned datasource and only known metrics',
    (_name, file) => {
      const dashboard = JSON.parse(readFileSync(file, 'utf8')) as Dashboard;
      expect(dashboard.uid).toMatch(/^docflow-/);
      const variables = dashboard.templating.list.map((v) => v.name);
      for (const panel of dashboard.panels) {
        expect({ panel: panel.title, uid: uids.includes(panel.datasource?.uid ?? '') }).toEqual({
          panel: panel.title,
          uid: true,
        });
        expect(panel.targets?.length).toBeGreaterThan(0);
        for (const { expr } of panel.targets ?? []) {
          expect({ expr, balanced: balanced(expr) }).toEqual({ expr, balanced: true });
          const names = metricNamesOf(expr);
          expect(names.length).toBeGreaterThan(0);
          const unknown = names.filter((n) => !isKnownMetric(n, known));
          expect({ expr, unknown }).toEqual({ expr, unknown: [] });
          for (const v of expr.matchAll(/\$(\w+)/g)) {
            if (!v[1]?.startsWith('__')) expect(variables).toContain(v[1]);
          }
        }
      }
    },
  );

  it('when the per-service dashboard is read, then it has a service variable used by every panel', () => {
    const red = JSON.parse(
      readRepoFile('deploy/observability/grafana/dashboards/service-red.json'),
    ) as Dashboard;
    expect(red.templating.list.map((v) => v.name)).toContain('service');
    for (const panel of red.panels) {
      expect(panel.targets?.every((t) => t.expr.includes('service="$service"'))).toBe(true);
    }
  });
});

describe('alert rule expressions', () => {
  it('when the alert expressions are checked, then they only use known metrics', () => {
    const rules = parse(readRepoFile(ALERTS_FILE)) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    for (const rule of rules.groups.flatMap((g) => g.rules)) {
      const unknown = metricNamesOf(rule.expr).filter((n) => !isKnownMetric(n, known));
      expect({ alert: rule.alert, unknown }).toEqual({ alert: rule.alert, unknown: [] });
    }
  });
});

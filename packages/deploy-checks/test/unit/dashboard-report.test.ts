import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  builtInVariables,
  ensureTool,
  prometheusConfig,
  readAlertRules,
  readDashboards,
  substituteVariables,
} from '../../src';
import { formatValue, legendOf } from '../../src/report/format';
import { renderReport } from '../../src/report/render-report';
import type { ReportData } from '../../src/report/collect-report';

describe('dashboard queries', () => {
  it('when variables are substituted, then every Grafana form is replaced and an unknown one stays', () => {
    const values = { service: 'ocr', __rate_interval: '20s', __range: '300s' };
    expect(
      substituteVariables(
        'rate(x{service="$service", a="${service}", b="[[service]]", c="${service:raw}"}[$__rate_interval]) + y[$__range] + z{q="$unknown"}',
        values,
      ),
    ).toBe('rate(x{service="ocr", a="ocr", b="ocr", c="ocr"}[20s]) + y[300s] + z{q="$unknown"}');
  });

  it("when the built-in intervals are computed, then $__rate_interval follows Grafana's rule", () => {
    expect(builtInVariables({ scrapeSeconds: 5, rangeSeconds: 600, stepSeconds: 5 })).toMatchObject(
      { __rate_interval: '20s', __interval: '5s', __range: '600s', __range_s: '600' },
    );
    expect(
      builtInVariables({ scrapeSeconds: 15, rangeSeconds: 3600, stepSeconds: 60 }).__rate_interval,
    ).toBe('75s');
  });

  it('when the dashboards and rules are read, then every panel has queries and the overview shows end-to-end latency', () => {
    const dashboards = readDashboards();
    expect(dashboards.map((d) => d.file)).toEqual(['pipeline-overview.json', 'service-red.json']);
    for (const panel of dashboards.flatMap((d) => d.panels))
      expect({ panel: panel.title, queries: panel.queries.length > 0 }).toEqual({
        panel: panel.title,
        queries: true,
      });
    const overview = dashboards[0]!.panels.flatMap((p) => p.queries.map((q) => q.expr));
    for (const q of [0.5, 0.95, 0.99])
      expect(overview).toContain(
        `histogram_quantile(${q}, sum by (le) (rate(docflow_document_end_to_end_seconds_bucket[$__rate_interval])))`,
      );
    expect(readAlertRules().map((r) => r.alert)).toContain('DocflowServiceDown');
  });
});

describe('generated Prometheus configuration', () => {
  const config = prometheusConfig({
    targets: [
      { service: 'gateway', address: '127.0.0.1:8080' },
      { service: 'ocr', address: '127.0.0.1:9464' },
    ],
    rabbitmq: '127.0.0.1:15692',
    intervalSeconds: 2,
  });

  it('when generated, then every service is a target of job docflow with its service label, like in compose', () => {
    const parsed = parse(config) as {
      global: Record<string, string>;
      scrape_configs: {
        job_name: string;
        static_configs: { targets: string[]; labels?: Record<string, string> }[];
      }[];
    };
    expect(parsed.global.scrape_interval).toBe('2s');
    expect(parsed.scrape_configs.map((c) => c.job_name)).toEqual(['docflow', 'rabbitmq']);
    // RabbitMQ's per-queue page renders slower than a service's: it gets a longer timeout
    expect(parsed.scrape_configs[1]).toMatchObject({ scrape_interval: '5s', scrape_timeout: '5s' });
    expect(parsed.scrape_configs[0]!.static_configs).toEqual([
      { targets: ['127.0.0.1:8080'], labels: { service: 'gateway' } },
      { targets: ['127.0.0.1:9464'], labels: { service: 'ocr' } },
    ]);
  });

  it('when promtool checks it, then the configuration and its rule file are valid', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'docflow-prometheus-config-')), 'prometheus.yml');
    writeFileSync(file, config);
    const out = execFileSync(ensureTool('promtool'), ['check', 'config', file], {
      encoding: 'utf8',
    });
    expect(out).toContain('SUCCESS');
  }, 600_000);
});

describe('dashboard report', () => {
  const data: ReportData = {
    start: 1_000,
    end: 1_060,
    step: 10,
    dashboards: [
      {
        title: 'docflow <overview>',
        file: 'pipeline-overview.json',
        variables: {},
        panels: [
          {
            title: 'Latency',
            type: 'timeseries',
            unit: 's',
            queries: ['histogram_quantile(0.5, x)'],
            errors: [],
            series: [
              {
                name: 'p50',
                points: [
                  [1_000, 0.2],
                  [1_010, 0.4],
                  [1_020, NaN],
                  [1_030, 1.5],
                  [1_040, 1.7],
                ],
              },
            ],
          },
          {
            title: 'Settled',
            type: 'stat',
            unit: 'short',
            queries: ['sum by (outcome) (y)'],
            errors: [],
            series: [{ name: 'published', points: [[1_060, 27]] }],
          },
          { title: 'Quiet', type: 'timeseries', queries: ['z'], errors: [], series: [] },
          {
            title: 'Broken',
            type: 'timeseries',
            queries: ['sum('],
            errors: ['A: bad_data: unexpected end of input'],
            series: [],
          },
        ],
      },
    ],
  };
  const html = renderReport(data, 'About <this> run.');

  it('when rendered, then time series are inline SVG lines broken at missing points', () => {
    const path = /<path d="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(2); // a gap where the value is NaN
    expect(path.match(/L/g)).toHaveLength(2);
    // every point lies inside the plot area (the y axis reaches the highest value)
    for (const [, y] of path.matchAll(/[ML][\d.]+,([\d.]+)/g)) {
      expect(Number(y)).toBeGreaterThanOrEqual(10);
      expect(Number(y)).toBeLessThanOrEqual(176);
    }
    expect(html).toContain('p50 (last 1.7 s)');
  });

  it('when rendered, then a stat panel is a number, and empty and failing panels say so', () => {
    expect(html).toContain('<b>27</b><span>published</span>');
    expect(html).toContain('no data in this range');
    expect(html).toContain('A: bad_data: unexpected end of input');
  });

  it('when rendered, then the page is self-contained and escapes text', () => {
    expect(html).not.toMatch(/<script|<link|src=|@import/);
    expect(html).toContain('docflow &lt;overview&gt;');
    expect(html).toContain('About &lt;this&gt; run.');
  });

  it('when values are formatted, then units and legends read like Grafana', () => {
    expect(formatValue(0.0123, 's')).toBe('12.3 ms');
    expect(formatValue(75, 's')).toBe('75 s');
    expect(formatValue(0.846, 'percentunit')).toBe('84.6 %');
    expect(formatValue(2.5, 'ops')).toBe('2.5/s');
    expect(formatValue(NaN, 's')).toBe('–');
    expect(legendOf('{{consumer}} L{{level}}', { consumer: 'ocr', level: '2' })).toBe('ocr L2');
    expect(legendOf(undefined, { __name__: 'up', service: 'ocr' })).toBe('up{service="ocr"}');
  });
});

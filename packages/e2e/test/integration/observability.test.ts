import { randomBytes } from 'node:crypto';
import { parse } from 'yaml';
import {
  builtInVariables,
  checkExpression,
  exportedMetricNames,
  prometheusApi,
  rabbitmqPluginAddress,
  readAlertRules,
  readDashboards,
  readRepoFile,
  startPrometheus,
  substituteVariables,
  type PrometheusApi,
  type PrometheusServer,
} from '@docflow/deploy-checks';
import {
  createTestContext,
  startPipeline,
  waitFor,
  type PipelineRun,
  type TestContext,
} from '@docflow/testing';

const ADMIN_KEY = randomBytes(24).toString('hex');
const INTERVAL_SECONDS = 2;

/** The queries every dashboard panel runs, once per value of its template variables. */
function dashboardQueries(services: readonly string[], rangeSeconds: number) {
  const builtIn = builtInVariables({
    scrapeSeconds: INTERVAL_SECONDS,
    rangeSeconds,
    stepSeconds: INTERVAL_SECONDS,
  });
  return readDashboards().flatMap((dashboard) => {
    const usesService = dashboard.variables.some((v) => v.name === 'service');
    const bindings = usesService ? services.map((service) => ({ service })) : [{}];
    return bindings.flatMap((binding) =>
      dashboard.panels.flatMap((panel) =>
        panel.queries.map((q) => ({
          where: `${dashboard.file} "${panel.title}" ${q.refId} ${JSON.stringify(binding)}`,
          expr: substituteVariables(q.expr, { ...builtIn, ...binding }),
        })),
      ),
    );
  });
}

describe('observability: a live Prometheus scraping the six services', () => {
  let ctx: TestContext;
  let pipeline: PipelineRun;
  let prometheus: PrometheusServer;
  let api: PrometheusApi;
  let rabbitmq: string | undefined;
  let startedAt: number;
  let byStatus: Record<string, number>;
  let exported: Set<string>;

  beforeAll(async () => {
    ctx = await createTestContext('e2e-observability');
    pipeline = await startPipeline({ env: ctx.env, adminKey: ADMIN_KEY });
    rabbitmq = await rabbitmqPluginAddress();
    prometheus = await startPrometheus({
      targets: pipeline.metricsTargets,
      ...(rabbitmq ? { rabbitmq } : {}),
      intervalSeconds: INTERVAL_SECONDS,
    });
    startedAt = Date.now();
    api = prometheusApi(prometheus.url);

    const key = await pipeline.createTenant();
    const { batchId, total } = await pipeline.uploadSamples(key);
    byStatus = (await pipeline.waitSettled(key, batchId, total)).body.byStatus;
    // the scheduler's queue gauges get series from an on-demand run
    const run = await pipeline.api('POST', '/v1/jobs/queue-depth-sampler/runs', ADMIN_KEY, {});
    expect(run.status).toBe(202);
    // every settled document has been scraped from the gateway
    await waitFor(
      async () => {
        const [sum] = await api.query('sum(docflow_document_end_to_end_seconds_count)');
        return sum?.values[0]?.[1] === total;
      },
      60_000,
      'the end-to-end histogram scraped with every document',
    );
    await waitFor(
      async () => (await api.query('docflow_queue_messages')).length > 0,
      60_000,
      'the queue-depth gauges scraped',
    );
    if (rabbitmq)
      // RabbitMQ is scraped on a longer interval of its own: wait for a scrape with its queues
      await waitFor(
        async () => {
          if ((await api.query('rabbitmq_queue_messages_ready')).length > 0) return true;
          const target = (await api.targets()).find((t) => t.labels.job === 'rabbitmq');
          throw new Error(
            `RabbitMQ target ${target?.health ?? 'missing'} ${target?.lastError ?? ''}`,
          );
        },
        60_000,
        'the per-queue RabbitMQ series scraped',
      );
    // Every series the samples created exists once each target has been scraped after the last
    // of them: a scrape that began earlier (or timed out on a busy service) may lack some.
    const settledAt = Date.now();
    await waitFor(
      async () => {
        const stale = (await api.targets())
          .filter((t) => t.health !== 'up' || Date.parse(t.lastScrape) <= settledAt)
          .map((t) => `${t.labels.service ?? t.labels.job} (${t.health} ${t.lastError})`);
        if (stale.length === 0) return true;
        throw new Error(`not yet scraped since the samples settled: ${stale.join(', ')}`);
      },
      60_000,
      'every target scraped after the samples settled',
    );
    exported = await exportedMetricNames(api);
    if (!rabbitmq) {
      // No RabbitMQ plugin to scrape here: its names are checked against the declared list.
      const declared = parse(readRepoFile('deploy/observability/external-metrics.yml')) as {
        metrics: { name: string; source: string }[];
      };
      for (const m of declared.metrics)
        if (m.source === 'rabbitmq_prometheus') exported.add(m.name);
    }
  }, 420_000);

  afterAll(async () => {
    await prometheus?.stop();
    await pipeline?.stop();
    await ctx?.cleanup();
  });

  it('when Prometheus scrapes, then every service is a target of job docflow and every target is up', async () => {
    expect(pipeline.services.skipped).toEqual([]);
    const targets = await api.targets();
    const docflow = targets.filter((t) => t.labels.job === 'docflow');
    expect(docflow.map((t) => t.labels.service).sort()).toEqual(
      pipeline.metricsTargets.map((t) => t.service).sort(),
    );
    expect(targets.length).toBe(docflow.length + (rabbitmq ? 1 : 0));
    // a target's health is "unknown" until its first scrape: give every one a few intervals
    let notUp: { target: string; health: string; error: string }[] = [];
    await waitFor(
      async () => {
        notUp = (await api.targets())
          .filter((t) => t.health !== 'up')
          .map((t) => ({ target: t.scrapeUrl, health: t.health, error: t.lastError }));
        return notUp.length === 0;
      },
      30_000,
      'every target up',
    ).catch(() => undefined);
    expect(notUp).toEqual([]);
  });

  it('when the samples settled, then the end-to-end histogram counts each document once by outcome', async () => {
    const series = await api.query('sum by (outcome) (docflow_document_end_to_end_seconds_count)');
    const counted = Object.fromEntries(series.map((s) => [s.metric.outcome, s.values[0]![1]]));
    const expected = Object.fromEntries(
      ['published', 'needs_review', 'rejected', 'failed']
        .filter((status) => (byStatus[status] ?? 0) > 0)
        .map((status) => [status, byStatus[status]]),
    );
    expect(counted).toEqual(expected);
    // the scanner's rejections never got a type; published documents always have one
    const types = await api.query(
      'count by (outcome, doc_type) (docflow_document_end_to_end_seconds_count)',
    );
    const typesOf = (outcome: string) =>
      types.filter((s) => s.metric.outcome === outcome).map((s) => s.metric.doc_type);
    expect(typesOf('rejected')).toEqual(['none']);
    expect(typesOf('published').length).toBeGreaterThan(0);
    expect(typesOf('published')).not.toContain('none');
  });

  it('when every dashboard query is evaluated, then Prometheus accepts it and it selects only exported metrics', async () => {
    const services = pipeline.metricsTargets.map((t) => t.service);
    const queries = dashboardQueries(services, (Date.now() - startedAt) / 1000);
    expect(queries.length).toBeGreaterThan(30);
    const problems: { where: string; expr: string; problems: string[] }[] = [];
    for (const { where, expr } of queries) {
      const found = await checkExpression(api, expr, exported);
      if (found.length > 0) problems.push({ where, expr, problems: found });
    }
    expect(problems).toEqual([]);
  });

  it('when every alert expression is evaluated, then Prometheus accepts it and it selects only exported metrics', async () => {
    const rules = readAlertRules();
    expect(rules.length).toBeGreaterThan(5);
    const problems: { alert: string; problems: string[] }[] = [];
    for (const { alert, expr } of rules) {
      const found = await checkExpression(api, expr, exported);
      if (found.length > 0) problems.push({ alert, problems: found });
    }
    expect(problems).toEqual([]);
  });

  it('when the rule file is loaded, then every rule has been evaluated and reports health ok', async () => {
    const loaded = await waitFor(
      async () => {
        const rules = await api.rules();
        return rules.every((r) => r.health !== 'unknown') ? rules : null;
      },
      30_000,
      'every rule evaluated',
    );
    expect(loaded.map((r) => r.name).sort()).toEqual(
      readAlertRules()
        .map((r) => r.alert)
        .sort(),
    );
    const unhealthy = loaded
      .filter((r) => r.health !== 'ok')
      .map((r) => ({ rule: r.name, error: r.lastError }));
    expect(unhealthy).toEqual([]);
  });

  it('when an expression is broken or selects a metric nobody exports, then the check reports it', async () => {
    const broken = await checkExpression(
      api,
      'sum by (consumer (rate(docflow_messages_consumed_total[1m]))',
      exported,
    );
    expect(broken).toEqual([expect.stringMatching(/^bad_data: /)]);
    const unknown = await checkExpression(
      api,
      'rate(docflow_no_such_metric_total[1m]) / rate(docflow_handler_duration_seconds_count[1m])',
      exported,
    );
    expect(unknown).toEqual(['no target exports docflow_no_such_metric_total']);
  });
});

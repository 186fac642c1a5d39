import { randomBytes } from 'node:crypto';
import { createTestContext, provideServers, startPipeline } from '@docflow/testing';
import { prometheusApi } from '../prometheus-api';
import { rabbitmqPluginAddress, startPrometheus } from '../prometheus-server';
import { collectReport, type ReportData } from './collect-report';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The six services and a Prometheus scraping them, `batches` uploads of samples/ (each by a new
 * tenant, so none is a duplicate) `gapSeconds` apart, then every dashboard evaluated over the run.
 * RabbitMQ is scraped too when its Prometheus plugin answers (`rabbitmq` says where).
 * Uses its own vhost and database on the servers and removes them; the servers stay up.
 */
export async function reportFromLiveTraffic(options: {
  batches: number;
  gapSeconds: number;
  scrapeSeconds: number;
  log: (line: string) => void;
}): Promise<{ data: ReportData; rabbitmq?: string }> {
  const { log, scrapeSeconds } = options;
  const servers = await provideServers(log);
  for (const [key, value] of Object.entries(servers)) if (value) process.env[key] = value;
  const ctx = await createTestContext('dashboards-report');
  const adminKey = randomBytes(24).toString('hex');
  try {
    const pipeline = await startPipeline({ env: ctx.env, adminKey });
    try {
      const rabbitmq = await rabbitmqPluginAddress();
      log(`services up; RabbitMQ plugin ${rabbitmq ? `at ${rabbitmq}` : 'not available'}`);
      const prometheus = await startPrometheus({
        targets: pipeline.metricsTargets,
        ...(rabbitmq ? { rabbitmq } : {}),
        intervalSeconds: scrapeSeconds,
      });
      try {
        const start = Math.floor(Date.now() / 1000);
        await sleep(4 * scrapeSeconds * 1000); // a quiet baseline
        for (let i = 1; i <= options.batches; i++) {
          const key = await pipeline.createTenant();
          const { batchId, total } = await pipeline.uploadSamples(key);
          const progress = await pipeline.waitSettled(key, batchId, total);
          log(`batch ${i}/${options.batches}: ${JSON.stringify(progress.body.byStatus)}`);
          await pipeline.api('POST', '/v1/jobs/queue-depth-sampler/runs', adminKey, {});
          if (i < options.batches) await sleep(options.gapSeconds * 1000);
        }
        await sleep(6 * scrapeSeconds * 1000); // rates fall back to zero
        const end = Math.floor(Date.now() / 1000);
        const data = await collectReport(prometheusApi(prometheus.url), {
          start,
          end,
          step: scrapeSeconds,
          scrapeSeconds,
        });
        return { data, ...(rabbitmq ? { rabbitmq } : {}) };
      } finally {
        await prometheus.stop();
      }
    } finally {
      await pipeline.stop();
    }
  } finally {
    await ctx.cleanup();
  }
}

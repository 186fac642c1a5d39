import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { ALERTS_FILE } from './prometheus-rule';
import { ensureTool, repoPath } from './repo';
import { freePort } from '@docflow/testing';

/** One scrape target: a docflow service's `/metrics` at `address` (host:port). */
export interface ScrapeTarget {
  service: string;
  address: string;
}

export interface PrometheusOptions {
  /** The docflow services, scraped as job `docflow` with a `service` label, like in production. */
  targets: readonly ScrapeTarget[];
  /** RabbitMQ's Prometheus plugin (host:port), scraped as job `rabbitmq` when given. */
  rabbitmq?: string;
  /** Rule files to load; default: the repository's alert rules. */
  ruleFiles?: readonly string[];
  /** Scrape and rule evaluation interval; default 2 s. */
  intervalSeconds?: number;
  onLine?: (line: string) => void;
}

export interface PrometheusServer {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly intervalSeconds: number;
  /** The generated configuration (YAML). */
  readonly config: string;
  /** SIGTERM, SIGKILL after `graceMs`; removes the data folder. */
  stop(graceMs?: number): Promise<void>;
}

/** The Prometheus server binary of the Debian package that brings promtool (scripts/tools.sh). */
export function prometheusBinary(): string {
  const binary = join(dirname(ensureTool('promtool')), 'prometheus');
  if (!existsSync(binary)) throw new Error(`no Prometheus server next to promtool (${binary})`);
  return binary;
}

/** The scrape configuration: the compose file's jobs with real addresses and a short interval. */
export function prometheusConfig(options: PrometheusOptions): string {
  const interval = `${options.intervalSeconds ?? 2}s`;
  const scrapeConfigs: Record<string, unknown>[] = [
    {
      job_name: 'docflow',
      metrics_path: '/metrics',
      static_configs: options.targets.map((t) => ({
        targets: [t.address],
        labels: { service: t.service },
      })),
    },
  ];
  if (options.rabbitmq) {
    // RabbitMQ's per-queue page is far bigger than a service's and, on a busy machine, can take
    // longer than 2 s to render: it gets an interval and timeout of at least 5 s
    const seconds = Math.max(options.intervalSeconds ?? 2, 5);
    scrapeConfigs.push({
      job_name: 'rabbitmq',
      metrics_path: '/metrics',
      scrape_interval: `${seconds}s`,
      scrape_timeout: `${seconds}s`,
      static_configs: [{ targets: [options.rabbitmq] }],
    });
  }
  return stringify({
    global: { scrape_interval: interval, evaluation_interval: interval, scrape_timeout: interval },
    rule_files: options.ruleFiles ?? [repoPath(ALERTS_FILE)],
    scrape_configs: scrapeConfigs,
  });
}

/**
 * Starts a real Prometheus server (the Debian binary, never its system service) on a free loopback
 * port with a temporary data folder, scraping the given targets and loading the alert rules.
 * Resolves when `/-/ready` answers.
 */
export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusServer> {
  const binary = prometheusBinary();
  const dir = mkdtempSync(join(tmpdir(), 'docflow-prometheus-'));
  const config = prometheusConfig(options);
  writeFileSync(join(dir, 'prometheus.yml'), config);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=1d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      options.onLine?.(line);
    }
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (graceMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`prometheus exited while starting:\n${output.slice(-20).join('\n')}`);
    }
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not get ready on ${url}:\n${output.slice(-20).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, intervalSeconds: options.intervalSeconds ?? 2, config, stop };
}

/**
 * RabbitMQ's Prometheus plugin (host:port) when it answers: `RABBITMQ_PROMETHEUS_URL`, or port
 * 15692 on the management API's host. Undefined when the broker runs without the plugin.
 */
export async function rabbitmqPluginAddress(
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const management = env.RABBITMQ_MANAGEMENT_URL;
  const given =
    env.RABBITMQ_PROMETHEUS_URL ??
    (management ? `http://${new URL(management).hostname}:15692` : undefined);
  if (!given) return undefined;
  const url = new URL(given);
  const answers = await fetch(`${url.origin}/metrics`, { signal: AbortSignal.timeout(3_000) }).then(
    (r) => r.ok,
    () => false,
  );
  return answers ? url.host : undefined;
}

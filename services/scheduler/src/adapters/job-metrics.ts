import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * The scheduler's metrics (documented in docs/metrics.md). Jobs are labelled `job_name`: `job` is
 * Prometheus's own target label and would be renamed at scrape time.
 */
export function createJobMetrics(registry: Registry) {
  const registers = [registry];
  return {
    runs: new Counter({
      name: 'docflow_scheduler_job_runs_total',
      help: 'Job runs by job, trigger and outcome (succeeded, failed, skipped).',
      labelNames: ['job_name', 'trigger', 'outcome'] as const,
      registers,
    }),
    duration: new Histogram({
      name: 'docflow_scheduler_job_duration_seconds',
      help: 'Duration of job runs by job.',
      labelNames: ['job_name'] as const,
      buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
    lastSuccess: new Gauge({
      name: 'docflow_scheduler_job_last_success_timestamp_seconds',
      help: 'Unix time of the last successful run, by job.',
      labelNames: ['job_name'] as const,
      registers,
    }),
    period: new Gauge({
      name: 'docflow_scheduler_job_period_seconds',
      help: 'Time between two firings of a job (the alert on missed runs compares against it).',
      labelNames: ['job_name'] as const,
      registers,
    }),
    leases: new Counter({
      name: 'docflow_scheduler_job_leases_total',
      help: 'Firings by job and lease outcome (won, lost, taken_over, revoked: a running holder found its lease taken over).',
      labelNames: ['job_name', 'outcome'] as const,
      registers,
    }),
    queueMessages: new Gauge({
      name: 'docflow_queue_messages',
      help: 'Messages in a queue (ready, plus unacknowledged when the management API answers), by queue.',
      labelNames: ['queue'] as const,
      registers,
    }),
    queueConsumers: new Gauge({
      name: 'docflow_queue_consumers',
      help: 'Consumers of a queue, by queue.',
      labelNames: ['queue'] as const,
      registers,
    }),
    sweeps: new Counter({
      name: 'docflow_sweeper_documents_total',
      help: 'Stuck documents by stage and action (republished, failed).',
      labelNames: ['stage', 'action'] as const,
      registers,
    }),
    abandonedUploads: new Counter({
      name: 'docflow_sweeper_abandoned_uploads_total',
      help: 'Uploads a gateway never turned into a document (it died mid-upload) whose stored bytes the sweeper removed.',
      registers,
    }),
    purgedDocuments: new Counter({
      name: 'docflow_retention_documents_total',
      help: 'Documents whose file and extracted text the retention job deleted.',
      registers,
    }),
    purgedBytes: new Counter({
      name: 'docflow_retention_freed_bytes_total',
      help: 'Bytes of files and extracted text the retention job deleted, by kind (blob, text).',
      labelNames: ['kind'] as const,
      registers,
    }),
  };
}

export type JobMetrics = ReturnType<typeof createJobMetrics>;

import type { BlobStore, DocumentStore, OutboxRelay, TextStore } from '@docflow/documents';
import type { BreakerReport, EventBus, Logger, Metrics } from '@docflow/platform';
import type { TenantRepository } from '@docflow/tenants';
import type { VendorLayoutStore } from '@docflow/vendor-memory';
import type { BatchRepository } from './adapters/batch-repository';
import type { ConsoleAssets } from './adapters/console-assets';
import type { DeadLetterStore } from './adapters/dead-letter-store';
import type { DocumentCounter } from './adapters/document-counts';
import type { DigestRepository } from './adapters/digest-repository';
import type { IdempotencyKeys } from './adapters/idempotency-keys';
import type { JobRunRepository } from './adapters/job-run-repository';
import type { LiveFeed } from './adapters/live-feed';
import type { PipelineInspector } from './adapters/pipeline-inspector';
import type { RecordRepository } from './adapters/record-repository';
import type { TrainingExampleRepository } from './adapters/training-example-repository';
import type { WebhookRepository } from './adapters/webhook-repository';
import type { GatewayConfig } from './config';
import type { AuthFailureLimit } from './domain/auth-failure-limit';
import type { Intake } from './domain/intake';

/** What the REST API is built from (`createApp`) and each route reaches: adapters, never the database. */
export interface AppDeps {
  config: GatewayConfig;
  logger: Logger;
  metrics: Metrics;
  bus: EventBus;
  documents: DocumentStore;
  documentCounts: DocumentCounter;
  blobs: BlobStore;
  texts: TextStore;
  tenants: TenantRepository;
  authFailures: AuthFailureLimit;
  batches: BatchRepository;
  records: RecordRepository;
  trainingExamples: TrainingExampleRepository;
  /** Per-tenant vendor layouts learned from reviews (read by the classifier). */
  vendorLayouts: VendorLayoutStore;
  jobRuns: JobRunRepository;
  digests: DigestRepository;
  idempotencyKeys: IdempotencyKeys;
  intake: Intake;
  outbox: OutboxRelay;
  liveFeed: LiveFeed;
  pipeline: PipelineInspector;
  /** The circuit breakers every live process reports (platform's breaker board). */
  breakers: () => Promise<BreakerReport[]>;
  deadLetters: DeadLetterStore;
  webhooks: WebhookRepository;
  /** The review console's build, served at /console (null or absent: /console answers 404). */
  consoleAssets?: ConsoleAssets | null;
  pingDatabase: () => Promise<boolean>;
  /** Readiness checks by name (broker, database, consumers). */
  readiness: () => Promise<Record<string, boolean>>;
}

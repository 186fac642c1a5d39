import type { EventType } from './events/catalog';
import type { StageName } from './events/document-parts';

/**
 * The AMQP topology as data. Services declare exactly what this describes; no queue or exchange
 * name is written anywhere else.
 *
 * - Every event is published to the `events` topic exchange with its type as routing key.
 * - Each consumer has a quorum work queue bound to the types it consumes. Its `x-delivery-limit`
 *   stops a message that keeps crashing its consumer; the broker then dead-letters it.
 * - Transient failures go to the consumer's retry queue of the next level (a classic queue with
 *   no consumer); the message waits out its per-message TTL there and is dead-lettered back to the
 *   work queue through the default exchange. One queue per level keeps short delays from queueing
 *   behind long ones.
 * - Permanent failures, schema-invalid messages and exhausted retries go to the `deadLetter`
 *   direct exchange, routed by consumer name into that consumer's dead-letter queue.
 */
export const EXCHANGES = {
  events: { name: 'docflow.events', type: 'topic' },
  deadLetter: { name: 'docflow.dlx', type: 'direct' },
} as const;

/** Retry levels per consumer; delays per level are runtime configuration. */
export const RETRY_LEVELS = 5;
/** Deliveries of one message (crashes included) before the broker dead-letters it. */
export const DELIVERY_LIMIT = 5;

export interface ConsumerSpec {
  /** Also the routing key into the dead-letter exchange. */
  readonly name: string;
  readonly service: StageName;
  readonly description: string;
  readonly consumes: readonly EventType[];
  readonly produces: readonly EventType[];
  /** Whether this consumer is a step documents pass through (shown as a pipeline stage). */
  readonly pipelineStage: boolean;
  /**
   * A pipeline stage's input: the event that starts its work on a document, kept on the document
   * so a retry or the stuck-document sweeper can publish it again.
   */
  readonly input?: EventType;
}

const documentEventTypes: readonly EventType[] = [
  'document.received',
  'document.scanned',
  'document.rejected',
  'document.text_extracted',
  'document.classified',
  'document.needs_review',
  'document.published',
  'document.failed',
  'document.cancelled',
];

/** In pipeline order. */
export const consumers = [
  {
    name: 'scanner',
    service: 'scanner',
    description:
      'Validates the file (type, limits, integrity), hashes it and scans it for malware.',
    consumes: ['document.received'],
    produces: ['document.scanned', 'document.rejected', 'document.failed'],
    pipelineStage: true,
    input: 'document.received',
  },
  {
    name: 'ocr',
    service: 'ocr',
    description: 'Extracts text per page: PDF text layer, OCR for images and scans, spreadsheets.',
    consumes: ['document.scanned'],
    produces: ['document.text_extracted', 'document.failed'],
    pipelineStage: true,
    input: 'document.scanned',
  },
  {
    name: 'classifier',
    service: 'classifier',
    description: 'Classifies the document type, extracts and validates fields.',
    consumes: ['document.text_extracted'],
    produces: ['document.classified', 'document.needs_review', 'document.failed'],
    pipelineStage: true,
    input: 'document.text_extracted',
  },
  {
    name: 'publisher',
    service: 'publisher',
    description: 'Writes canonical records and delivers signed webhooks.',
    consumes: ['document.classified', 'document.needs_review'],
    produces: ['document.published', 'document.failed'],
    pipelineStage: true,
    input: 'document.classified',
  },
  {
    name: 'tracker',
    service: 'gateway',
    description:
      'Projects document events onto the document record (status, timeline) and job outcomes onto job runs.',
    // not document.received: the gateway writes it into the record itself at upload
    consumes: [...documentEventTypes.filter((t) => t !== 'document.received'), 'job.completed'],
    produces: [],
    pipelineStage: false,
  },
  {
    name: 'jobs',
    service: 'scheduler',
    description: 'Runs job requests (scheduled or on demand) and reports their outcome.',
    consumes: ['job.requested'],
    produces: ['job.completed'],
    pipelineStage: false,
  },
] as const satisfies readonly ConsumerSpec[];

export type ConsumerName = (typeof consumers)[number]['name'];

/** The pipeline stages in order: the consumers that documents pass through. */
export type PipelineStageName = Extract<
  (typeof consumers)[number],
  { pipelineStage: true }
>['name'];

/** Which pipeline stage each event starts (the stage's `input`). */
export const stageOfInput: Partial<Record<EventType, PipelineStageName>> = Object.fromEntries(
  consumers.flatMap((c) => ('input' in c ? [[c.input, c.name]] : [])),
);

/**
 * The service that produces an event: the one pipeline stage that lists it in `produces`, else the
 * gateway, whose API produces the events no stage does (received, cancelled) and records failures
 * several stages share (a failure event names its stage in its payload).
 */
export function producerOf(type: EventType): StageName {
  const stages = consumers.filter(
    (c) => c.pipelineStage && (c.produces as readonly EventType[]).includes(type),
  );
  return stages.length === 1 ? stages[0]!.service : 'gateway';
}

export interface QueueSpec {
  readonly name: string;
  readonly role: 'work' | 'retry' | 'dead-letter';
  readonly consumer: ConsumerName;
  readonly arguments: Readonly<Record<string, string | number>>;
}

export interface BindingSpec {
  readonly exchange: string;
  readonly queue: string;
  readonly routingKey: string;
}

export interface Topology {
  readonly exchanges: readonly { name: string; type: 'topic' | 'direct' }[];
  readonly queues: readonly QueueSpec[];
  readonly bindings: readonly BindingSpec[];
}

export interface ConsumerQueues {
  readonly work: string;
  /** retry[0] is level 1, the shortest delay. */
  readonly retry: readonly string[];
  readonly deadLetter: string;
}

export function consumerSpec(name: ConsumerName): ConsumerSpec {
  const spec = consumers.find((c) => c.name === name);
  if (!spec) throw new Error(`unknown consumer "${name}"`);
  return spec;
}

export function queuesOf(name: ConsumerName): ConsumerQueues {
  const work = `docflow.${name}`;
  return {
    work,
    retry: Array.from({ length: RETRY_LEVELS }, (_, i) => `${work}.retry.${i + 1}`),
    deadLetter: `${work}.dlq`,
  };
}

/** Queues and bindings of one consumer. */
export function consumerTopology(name: ConsumerName): Pick<Topology, 'queues' | 'bindings'> {
  const spec = consumerSpec(name);
  const q = queuesOf(name);
  const queues: QueueSpec[] = [
    {
      name: q.work,
      role: 'work',
      consumer: name,
      arguments: {
        'x-queue-type': 'quorum',
        'x-delivery-limit': DELIVERY_LIMIT,
        'x-dead-letter-exchange': EXCHANGES.deadLetter.name,
        'x-dead-letter-routing-key': name,
      },
    },
    ...q.retry.map((retryQueue): QueueSpec => ({
      name: retryQueue,
      role: 'retry',
      consumer: name,
      arguments: {
        'x-queue-type': 'classic',
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': q.work,
      },
    })),
    {
      name: q.deadLetter,
      role: 'dead-letter',
      consumer: name,
      arguments: { 'x-queue-type': 'quorum' },
    },
  ];
  const bindings: BindingSpec[] = [
    ...spec.consumes.map((type) => ({
      exchange: EXCHANGES.events.name,
      queue: q.work,
      routingKey: type,
    })),
    { exchange: EXCHANGES.deadLetter.name, queue: q.deadLetter, routingKey: name },
  ];
  return { queues, bindings };
}

/** The whole topology: both exchanges and every consumer's queues and bindings. */
export function buildTopology(): Topology {
  const parts = consumers.map((c) => consumerTopology(c.name));
  return {
    exchanges: Object.values(EXCHANGES).map((e) => ({ name: e.name, type: e.type })),
    queues: parts.flatMap((p) => p.queues),
    bindings: parts.flatMap((p) => p.bindings),
  };
}

/**
 * The gateway's live-progress feed: one exclusive, auto-delete queue per gateway replica bound to
 * every document event, so each replica's SSE clients see every document's progress.
 */
export const liveFeed = {
  queueName: (replicaId: string): string => `docflow.live.${replicaId}`,
  routingKeys: ['document.#'] as const,
  exchange: EXCHANGES.events.name,
};

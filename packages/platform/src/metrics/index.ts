import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per service with the process defaults and the standard pipeline metrics. Every
 * series carries `service`. Names and labels are documented in docs/metrics.md.
 */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    messagesConsumed: new Counter({
      name: 'docflow_messages_consumed_total',
      help: 'Messages taken from a queue, by consumer, event type and outcome (acked, retried, dead_lettered, duplicate, deferred, dropped).',
      labelNames: ['consumer', 'event_type', 'outcome'] as const,
      registers,
    }),
    messagesPublished: new Counter({
      name: 'docflow_messages_published_total',
      help: 'Messages published with broker confirm, by event type and outcome (confirmed, failed).',
      labelNames: ['event_type', 'outcome'] as const,
      registers,
    }),
    handlerDuration: new Histogram({
      name: 'docflow_handler_duration_seconds',
      help: 'Time a handler takes for one message, by consumer and event type.',
      labelNames: ['consumer', 'event_type'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
    retries: new Counter({
      name: 'docflow_retries_total',
      help: 'Transient failures sent to a retry queue, by consumer and retry level (outage: past the levels while a server the work needs is away).',
      labelNames: ['consumer', 'level'] as const,
      registers,
    }),
    deadLetters: new Counter({
      name: 'docflow_dead_letters_total',
      help: 'Messages sent to a dead-letter queue by the runtime, by consumer and reason.',
      labelNames: ['consumer', 'reason'] as const,
      registers,
    }),
    inFlight: new Gauge({
      name: 'docflow_messages_in_flight',
      help: 'Messages being handled right now, by consumer.',
      labelNames: ['consumer'] as const,
      registers,
    }),
    brokerConnected: new Gauge({
      name: 'docflow_broker_connected',
      help: '1 while the service holds a broker connection.',
      registers,
    }),
    brokerReconnects: new Counter({
      name: 'docflow_broker_reconnects_total',
      help: 'Broker connections opened after the first one.',
      registers,
    }),
    breakerState: new Gauge({
      name: 'docflow_breaker_state',
      help: 'Circuit breaker state by breaker: 0 closed, 1 half-open, 2 open.',
      labelNames: ['breaker'] as const,
      registers,
    }),
    breakerEvents: new Counter({
      name: 'docflow_breaker_events_total',
      help: 'Circuit breaker events by breaker and event (success, failure, timeout, reject, open, halfOpen, close, fallback).',
      labelNames: ['breaker', 'event'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

import { consumers, jobCatalog, queuesOf } from '@docflow/contracts';
import { probeQueues, type AmqpConnection } from '@docflow/platform';
import type { JobMetrics } from '../adapters/job-metrics';
import type { JobDefinition } from '../runner/job-definition';

/**
 * Exports ready messages and consumers of every work and dead-letter queue of the topology as
 * gauges, by passive declares on the scheduler's own broker connection (exact and current).
 */
export function createQueueDepthSampler(deps: {
  connection: Pick<AmqpConnection, 'waitForConnection'>;
  metrics: JobMetrics;
}): JobDefinition {
  return {
    ...jobCatalog['queue-depth-sampler'],
    async run() {
      const names = consumers.flatMap((c) => [queuesOf(c.name).work, queuesOf(c.name).deadLetter]);
      let sampled = 0;
      let messages = 0;
      for (const [name, counts] of await probeQueues(deps.connection, names)) {
        if (!counts) continue; // not declared yet: its consumer never started
        deps.metrics.queueMessages.set({ queue: name }, counts.messages);
        deps.metrics.queueConsumers.set({ queue: name }, counts.consumers);
        messages += counts.messages;
        sampled++;
      }
      return { queues: sampled, messages };
    },
  };
}

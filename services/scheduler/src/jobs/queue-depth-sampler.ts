import { consumers, jobCatalog, queuesOf } from '@docflow/contracts';
import type { AmqpConnection } from '@docflow/platform';
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
      const model = await deps.connection.waitForConnection(5_000);
      const names = consumers.flatMap((c) => [queuesOf(c.name).work, queuesOf(c.name).deadLetter]);
      let sampled = 0;
      let messages = 0;
      for (const name of names) {
        // a failed passive declare closes its channel: one channel per queue
        const channel = await model.createChannel();
        channel.on('error', () => undefined);
        try {
          const ok = await channel.checkQueue(name);
          deps.metrics.queueMessages.set({ queue: name }, ok.messageCount);
          deps.metrics.queueConsumers.set({ queue: name }, ok.consumerCount);
          messages += ok.messageCount;
          sampled++;
        } catch {
          // not declared yet: its consumer never started
        } finally {
          await channel.close().catch(() => undefined);
        }
      }
      return { queues: sampled, messages };
    },
  };
}

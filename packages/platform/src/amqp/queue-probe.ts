import type { AmqpConnection } from './connection';

export interface QueueCounts {
  messages: number;
  consumers: number;
}

/**
 * Ready messages and consumers of each named queue, by passive declares on the connection (exact
 * and current); null for a queue that is not declared (its consumer never started). A failed
 * passive declare closes its channel, so each queue gets a channel of its own.
 */
export async function probeQueues(
  connection: Pick<AmqpConnection, 'waitForConnection'>,
  names: readonly string[],
): Promise<Map<string, QueueCounts | null>> {
  const model = await connection.waitForConnection(5_000);
  const counts = new Map<string, QueueCounts | null>();
  for (const name of names) {
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    try {
      const ok = await channel.checkQueue(name);
      counts.set(name, { messages: ok.messageCount, consumers: ok.consumerCount });
    } catch {
      counts.set(name, null);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
  return counts;
}

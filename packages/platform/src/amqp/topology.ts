import type { Channel } from 'amqplib';
import { EXCHANGES, eventTypes, type BindingSpec, type Topology } from '@docflow/contracts';

/**
 * Declares exchanges, queues and bindings exactly as the contracts describe them, and removes any
 * binding of a work queue to an event type its consumer does not consume (left by an earlier
 * version whose consumer did: a binding outlives the code that declared it, and the consumer would
 * dead-letter every such event as unknown). Idempotent: unbinding what is not bound is a no-op.
 */
export async function declareTopology(channel: Channel, topology: Topology): Promise<void> {
  for (const exchange of topology.exchanges) {
    await channel.assertExchange(exchange.name, exchange.type, { durable: true });
  }
  for (const queue of topology.queues) {
    await channel.assertQueue(queue.name, { durable: true, arguments: { ...queue.arguments } });
  }
  for (const binding of topology.bindings) {
    await channel.bindQueue(binding.queue, binding.exchange, binding.routingKey);
  }
  for (const binding of unwantedBindings(topology)) {
    await channel.unbindQueue(binding.queue, binding.exchange, binding.routingKey);
  }
}

/** Every event type a work queue of `topology` could be bound to but is not meant to be. */
export function unwantedBindings(topology: Topology): BindingSpec[] {
  const exchange = EXCHANGES.events.name;
  return topology.queues
    .filter((queue) => queue.role === 'work')
    .flatMap((queue) => {
      const wanted = new Set(
        topology.bindings
          .filter((b) => b.queue === queue.name && b.exchange === exchange)
          .map((b) => b.routingKey),
      );
      return eventTypes
        .filter((type) => !wanted.has(type))
        .map((routingKey) => ({ exchange, queue: queue.name, routingKey }));
    });
}

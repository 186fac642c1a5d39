import { consumers } from '@docflow/contracts';

/** The events of a document that goes the whole way, in order. */
export const HAPPY_PATH = [
  'document.received',
  'document.scanned',
  'document.text_extracted',
  'document.classified',
  'document.published',
] as const;

/** Consumers (work queues) each event is delivered to, from the contracts' topology. */
export function deliveriesOf(type: string): number {
  return consumers.filter((c) => (c.consumes as readonly string[]).includes(type)).length;
}

/** Confirmed publish + consume + ack hops one published document costs the broker. */
export function deliveriesPerDocument(): number {
  return HAPPY_PATH.reduce((sum, type) => sum + deliveriesOf(type), 0);
}

/** Mean size of a delivered event, weighting each type's mean size by its deliveries. */
export function meanDeliveryBytes(eventBytes: Record<string, number>): number {
  let bytes = 0;
  let count = 0;
  for (const type of HAPPY_PATH) {
    const size = eventBytes[type];
    if (size === undefined) continue;
    bytes += size * deliveriesOf(type);
    count += deliveriesOf(type);
  }
  return count > 0 ? Math.round(bytes / count) : 1024;
}

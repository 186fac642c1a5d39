import type { ChannelModel, ConsumeMessage } from 'amqplib';
import type { Db } from 'mongodb';
import { createLogger, type EventBus } from '@docflow/platform';
import { createDeadLetterStore } from '../../../src/adapters/dead-letter-store';

/** A broker connection whose dead-letter channels hand their consume callbacks to the test. */
function fakeBus(ack: () => void) {
  const deliver: ((msg: ConsumeMessage | null) => void)[] = [];
  const model = {
    createChannel: async () => ({
      on: () => undefined,
      prefetch: async () => undefined,
      consume: async (_queue: string, onMessage: (msg: ConsumeMessage | null) => void) => {
        deliver.push(onMessage);
      },
      ack,
      nack: () => undefined,
    }),
  } as unknown as ChannelModel;
  const bus = {
    connection: { onConnect: async (hook: (m: ChannelModel) => Promise<void>) => hook(model) },
    publishRaw: async () => undefined,
  } as unknown as Pick<EventBus, 'connection' | 'publishRaw'>;
  return { bus, deliver };
}

const message = {
  content: Buffer.from('{"type":"document.scanned"}'),
  fields: { routingKey: 'document.scanned', deliveryTag: 1 },
  properties: { headers: {} },
} as unknown as ConsumeMessage;

describe('dead-letter drain', () => {
  it('when the channel closes between storing a dead letter and its ack, then nothing is left unhandled', async () => {
    const inserted: unknown[] = [];
    const db = {
      collection: () => ({ insertOne: async (doc: unknown) => void inserted.push(doc) }),
    } as unknown as Db;
    const { bus, deliver } = fakeBus(() => {
      throw new Error('Connection closing');
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await createDeadLetterStore({
        db,
        bus,
        logger: createLogger({ service: 'test', level: 'silent' }),
      }).start();
      expect(deliver.length).toBeGreaterThan(0);
      deliver[0]!(message);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(inserted).toHaveLength(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

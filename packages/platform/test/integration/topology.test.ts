import { connect } from 'amqplib';
import { EXCHANGES, buildTopology, queuesOf } from '@docflow/contracts';
import { declareTopology } from '@docflow/platform';
import { createTestContext, type TestContext } from '@docflow/testing';
import { receivedEvent } from './support';

describe('topology (real RabbitMQ)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext('topology');
  });
  afterAll(() => ctx.cleanup());

  it('when an earlier version bound a queue to an event its consumer no longer takes, then declaring the topology removes that binding', async () => {
    const model = await connect(ctx.amqpUrl);
    try {
      const channel = await model.createConfirmChannel();
      const tracker = queuesOf('tracker').work;
      const scanner = queuesOf('scanner').work;
      await declareTopology(channel, buildTopology());
      // what an older tracker declared: document.received is not in its consumes any more
      await channel.bindQueue(tracker, EXCHANGES.events.name, 'document.received');
      await declareTopology(channel, buildTopology());
      // a second declaration is as harmless (unbinding what is not bound)
      await declareTopology(channel, buildTopology());

      const event = receivedEvent();
      channel.publish(EXCHANGES.events.name, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
      });
      await channel.waitForConfirms();
      expect((await channel.checkQueue(scanner)).messageCount).toBe(1);
      expect((await channel.checkQueue(tracker)).messageCount).toBe(0);
    } finally {
      await model.close();
    }
  });
});

import { createWebhookClient } from '../../../src/adapters/webhook-client';
import { startReceiver, type Receiver } from '../../support/receiver';

describe('webhook client (local HTTP server)', () => {
  let receiver: Receiver;

  beforeEach(async () => {
    receiver = await startReceiver();
  });

  afterEach(async () => {
    await receiver.close();
  });

  test.each([
    ['a loopback IP', (url: string) => url],
    ['a name resolving to loopback', (url: string) => url.replace('127.0.0.1', 'localhost')],
  ])(
    'when private targets are not allowed and the URL is %s, then the delivery is refused before connecting',
    async (_what, toUrl) => {
      const client = createWebhookClient({ timeoutMs: 2_000, allowPrivateTargets: false });
      await expect(client.post(toUrl(receiver.url), {}, '{}')).rejects.toMatchObject({
        code: 'WEBHOOK_TARGET_REFUSED',
      });
      expect(receiver.received).toHaveLength(0);
    },
  );

  test('when private targets are allowed, then the body and headers reach the receiver', async () => {
    const client = createWebhookClient({ timeoutMs: 2_000, allowPrivateTargets: true });
    const status = await client.post(
      receiver.url,
      { 'docflow-event': 'document.published' },
      '{"a":1}',
    );
    expect(status).toBe(200);
    expect(receiver.received[0]).toMatchObject({
      body: '{"a":1}',
      headers: { 'docflow-event': 'document.published' },
    });
  });

  test('when the receiver answers non-2xx, then the post fails as a transient WEBHOOK_REJECTED', async () => {
    receiver.setStatus(500);
    const client = createWebhookClient({ timeoutMs: 2_000, allowPrivateTargets: true });
    await expect(client.post(receiver.url, {}, '{}')).rejects.toMatchObject({
      code: 'WEBHOOK_REJECTED',
      isTransient: true,
      details: { statusCode: 500 },
    });
  });
});

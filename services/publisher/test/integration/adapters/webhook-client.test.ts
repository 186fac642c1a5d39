import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  test('when the receiver answers 200 but trickles its body past the deadline, then the post fails as WEBHOOK_TIMEOUT at the deadline', async () => {
    // Arrange: headers at once, then one byte every 50 ms forever (an idle timeout never fires)
    const timers = new Set<NodeJS.Timeout>();
    const trickler: Server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 50);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => trickler.listen(0, '127.0.0.1', resolve));
    const { port } = trickler.address() as AddressInfo;
    const client = createWebhookClient({ timeoutMs: 500, allowPrivateTargets: true });

    try {
      // Act
      const started = Date.now();
      const outcome = client.post(`http://127.0.0.1:${port}/hooks`, {}, '{}');

      // Assert
      await expect(outcome).rejects.toMatchObject({
        code: 'WEBHOOK_TIMEOUT',
        isTransient: true,
        message: 'no complete answer within 500 ms (WEBHOOK_TIMEOUT_MS)',
      });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      for (const timer of timers) clearInterval(timer);
      trickler.closeAllConnections();
      await new Promise<void>((resolve) => trickler.close(() => resolve()));
    }
  });

  test('when the caller aborts (shutdown), then the post fails as WEBHOOK_INTERRUPTED, not as a timeout', async () => {
    const stalls: Server = createServer((req) => req.resume());
    await new Promise<void>((resolve) => stalls.listen(0, '127.0.0.1', resolve));
    const { port } = stalls.address() as AddressInfo;
    const client = createWebhookClient({ timeoutMs: 10_000, allowPrivateTargets: true });
    const shutdown = new AbortController();

    try {
      const outcome = client.post(`http://127.0.0.1:${port}/hooks`, {}, '{}', shutdown.signal);
      setImmediate(() => shutdown.abort());
      await expect(outcome).rejects.toMatchObject({ code: 'WEBHOOK_INTERRUPTED' });
    } finally {
      stalls.closeAllConnections();
      await new Promise<void>((resolve) => stalls.close(() => resolve()));
    }
  });
});

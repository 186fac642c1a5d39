import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@docflow/testing';
import { file, multipartBody, upload } from '../corpus/multipart';
import { encodeRequest, parseResponse, sendRaw } from '../corpus/raw-http';
import { startHarness, type Harness } from '../support/harness';

const IDLE_MS = 1_500;
const REQUEST_MS = 3_000;

describe('gateway with slow clients (raw sockets against the idle and request timeouts)', () => {
  let h: Harness;
  let key: string;
  const stored = async () =>
    (await h.ctx.db.collection('blobs.files').countDocuments()) +
    (await h.ctx.db.collection('blobs.chunks').countDocuments());

  beforeAll(async () => {
    h = await startHarness('gateway-slow-clients', {
      HTTP_IDLE_TIMEOUT_MS: String(IDLE_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
      SSE_HEARTBEAT_MS: '60000',
    });
    key = (await h.tenant()).key;
  });
  afterAll(() => h.stop());

  it('when an upload stops sending halfway and keeps its connection open, then the gateway closes it and keeps none of the file', async () => {
    const parts = [file('stalled.pdf', Buffer.alloc(600 * 1024, 7))];
    const body = multipartBody(parts);
    const started = Date.now();
    const answer = await sendRaw(
      h.gateway.port,
      { ...upload(key, parts), body: body.subarray(0, 400 * 1024), contentLength: body.length },
      30_000,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 100);
    if (answer) expect(answer.status).toBeGreaterThanOrEqual(400);
    await waitFor(async () => (await stored()) === 0, 10_000, 'the partial file removed');
  }, 40_000);

  it('when an upload trickles in slower than the request timeout allows, then it is answered 408 and none of it is kept', async () => {
    const parts = [file('trickle.pdf', Buffer.alloc(4096, 7))];
    const bytes = encodeRequest(upload(key, parts));
    const socket = connect({ host: '127.0.0.1', port: h.gateway.port });
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // the headers and the first part at once, then a few bytes at a time: each well inside the
    // idle timeout, the whole far beyond the request's
    let sent = bytes.indexOf('\r\n\r\n') + 4 + 1024;
    socket.write(bytes.subarray(0, sent));
    const trickle = setInterval(() => {
      if (sent >= bytes.length || socket.destroyed) return clearInterval(trickle);
      socket.write(bytes.subarray(sent, sent + 16));
      sent += 16;
    }, IDLE_MS / 3);
    await Promise.race([closed, sleep(REQUEST_MS + 15_000)]);
    clearInterval(trickle);
    socket.destroy();
    expect(sent).toBeLessThan(bytes.length);
    const answer = parseResponse(Buffer.concat(received));
    expect(answer.status).toBe(408);
    expect(answer.json).toMatchObject({ error: 'REQUEST_TIMEOUT' });
    await waitFor(async () => (await stored()) === 0, 10_000, 'the partial file removed');
  }, 30_000);

  it('when an event stream has nothing to say for longer than the idle timeout, then it stays open', async () => {
    const socket = connect({ host: '127.0.0.1', port: h.gateway.port });
    const received: Buffer[] = [];
    let closed = false;
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('close', () => (closed = true));
    socket.write(
      encodeRequest({
        method: 'GET',
        path: '/v1/events',
        headers: [['authorization', `Bearer ${key}`]],
      }),
    );
    await sleep(IDLE_MS * 3);
    expect(closed).toBe(false);
    expect(parseResponse(Buffer.concat(received)).status).toBe(200);
    socket.destroy();
  });
});

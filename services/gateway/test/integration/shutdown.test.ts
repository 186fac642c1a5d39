import { connect, type Socket } from 'node:net';
import { waitFor } from '@docflow/testing';
import { COLLECTIONS } from '@docflow/documents';
import { file, upload } from '../corpus/multipart';
import { encodeRequest, parseResponse } from '../corpus/raw-http';
import { startHarness, type Harness } from '../support/harness';

describe('gateway shutdown with uploads in flight', () => {
  let h: Harness;
  let key: string;

  beforeEach(async () => {
    h = await startHarness('gateway-shutdown');
    key = (await h.tenant()).key;
  });
  afterEach(() => h.stop());

  const count = (collection: string) => h.ctx.db.collection(collection).countDocuments();

  /** Sends the first 700 KiB of a 900 KiB upload and waits until two of its chunks are stored. */
  const halfwayUpload = async (): Promise<{ socket: Socket; rest: Buffer; answer: Buffer[] }> => {
    const bytes = encodeRequest(upload(key, [file('big.pdf', Buffer.alloc(900 * 1024, 7))]));
    const socket = connect({ host: '127.0.0.1', port: h.gateway.port });
    const answer: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => answer.push(chunk));
    socket.on('error', () => undefined);
    socket.write(bytes.subarray(0, 700 * 1024));
    await waitFor(async () => (await count('blobs.chunks')) >= 2, 15_000, 'two chunks stored');
    return { socket, rest: bytes.subarray(700 * 1024), answer };
  };

  it('when a client drops its upload just before the gateway stops, then the gateway removes the partial file before it lets go of the database', async () => {
    const { socket } = await halfwayUpload();
    expect(await count(COLLECTIONS.uploads)).toBe(1);
    socket.destroy();
    await h.gateway.stop();
    expect(await count('blobs.chunks')).toBe(0);
    expect(await count('blobs.files')).toBe(0);
  }, 30_000);

  it('when the gateway is told to stop while an upload is still arriving, then that upload completes and becomes a document', async () => {
    const { socket, rest, answer } = await halfwayUpload();
    const stopped = h.gateway.stop();
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // the rest without a FIN (a half-closed request is dropped by Node, as for any client)
    socket.write(rest);
    await Promise.all([stopped, closed]);
    const response = parseResponse(Buffer.concat(answer));
    expect(response.status).toBe(202);
    const [{ id }] = (response.json as { documents: [{ id: string }] }).documents;
    expect(
      await h.ctx.db.collection(COLLECTIONS.documents).countDocuments({ _id: id as never }),
    ).toBe(1);
    expect(await count('blobs.files')).toBe(1);
  }, 30_000);
});

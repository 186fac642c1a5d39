import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { DocflowError } from '@docflow/platform';
import { createClamdClient } from '../../../src/adapters/clamd-client';

/** A fake clamd that decodes INSTREAM framing and answers with `reply(received bytes)`. */
async function fakeClamd(
  reply: (data: Buffer) => string,
): Promise<{ server: Server; port: number }> {
  const server = createServer((socket: Socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      const command = 'zINSTREAM\0';
      if (buffer.subarray(0, 6).toString() === 'zPING\0') return void socket.end('PONG\0');
      if (buffer.length < command.length) return;
      let offset = command.length;
      const parts: Buffer[] = [];
      while (offset + 4 <= buffer.length) {
        const length = buffer.readUInt32BE(offset);
        if (length === 0) return void socket.end(`${reply(Buffer.concat(parts))}\0`);
        if (offset + 4 + length > buffer.length) return;
        parts.push(buffer.subarray(offset + 4, offset + 4 + length));
        offset += 4 + length;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('clamd client (INSTREAM over TCP)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });
  const client = async (reply: (data: Buffer) => string, chunkBytes = 4) => {
    const { server, port } = await fakeClamd(reply);
    servers.push(server);
    return createClamdClient({ host: '127.0.0.1', port, timeoutMs: 2_000, chunkBytes });
  };

  test('when the file is sent in several chunks, then clamd receives exactly its bytes', async () => {
    let received = Buffer.alloc(0);
    const clamd = await client((data) => {
      received = data;
      return 'stream: OK';
    }, 3);

    const verdict = await clamd.scan(Buffer.from('hello, clamd'));

    expect(verdict).toEqual({ infected: false });
    expect(received.toString()).toBe('hello, clamd');
  });

  test('when clamd reports FOUND, then the verdict is infected with the signature', async () => {
    const clamd = await client(() => 'stream: Eicar-Test-Signature.UNOFFICIAL FOUND');
    expect(await clamd.scan(Buffer.from('x'))).toEqual({
      infected: true,
      signature: 'Eicar-Test-Signature.UNOFFICIAL',
    });
  });

  test('when clamd answers ERROR, then the scan fails permanently', async () => {
    const clamd = await client(() => 'INSTREAM size limit exceeded. ERROR');
    const error = await clamd.scan(Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocflowError);
    expect(error).toMatchObject({ code: 'CLAMD_REFUSED', isTransient: false });
  });

  test('when clamd answers something unexpected, then the scan fails transiently', async () => {
    const clamd = await client(() => 'hello?');
    await expect(clamd.scan(Buffer.from('x'))).rejects.toMatchObject({
      code: 'CLAMD_BAD_REPLY',
      isTransient: true,
    });
  });

  test('when nothing listens, then the scan fails transiently and ping says false', async () => {
    const { server, port } = await fakeClamd(() => 'stream: OK');
    await new Promise((r) => server.close(r));
    const clamd = createClamdClient({
      host: '127.0.0.1',
      port,
      timeoutMs: 1_000,
      chunkBytes: 1024,
    });

    await expect(clamd.scan(Buffer.from('x'))).rejects.toMatchObject({
      code: 'CLAMD_UNAVAILABLE',
      isTransient: true,
    });
    expect(await clamd.ping()).toBe(false);
  });

  test('when clamd is up, then ping says true', async () => {
    const clamd = await client(() => 'stream: OK');
    expect(await clamd.ping()).toBe(true);
  });
});

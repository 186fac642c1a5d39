import Fastify from 'fastify';
import { gatewayError, gatewayErrorCodes, type GatewayErrorCode } from '../../src/domain/errors';
import { apiErrors, registerErrorHandling } from '../../src/http/errors';

describe('error answers', () => {
  it('when the domain throws one of its errors, then the one handler answers its code with its status', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    app.get('/cursor', async () => {
      throw gatewayError('INVALID_CURSOR', 'the cursor is not one this API returned');
    });
    app.get('/too-large', async () => {
      throw gatewayError('FILE_TOO_LARGE', undefined, { maxBytes: 10 });
    });

    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const cursor = await fetch(`${base}/cursor`);
    const tooLarge = await fetch(`${base}/too-large`);
    await app.close();

    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toEqual({
      error: 'INVALID_CURSOR',
      message: 'the cursor is not one this API returned',
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({
      error: 'FILE_TOO_LARGE',
      message: 'a file is larger than allowed',
      details: { maxBytes: 10 },
    });
  });

  it('when a domain error code is listed, then the API answers it with the domain message by default', () => {
    for (const code of Object.keys(gatewayErrorCodes) as GatewayErrorCode[]) {
      expect(apiErrors[code].message).toBe(gatewayErrorCodes[code].message);
      expect(gatewayError(code).isTransient).toBe(false);
    }
  });
});

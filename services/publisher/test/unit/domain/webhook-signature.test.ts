import { createHmac } from 'node:crypto';
import {
  parseSignatureHeader,
  signatureHeader,
  verifySignature,
} from '../../../src/domain/webhook-signature';

const secret = 'whsec_test_0123456789abcdef';
const body = '{"id":"d:r1:e","event":"document.published"}';

describe('webhook signature', () => {
  test('when a body is signed, then the header is t=<seconds>,v1=<HMAC-SHA256 of "t.body">', () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
  });

  test('when the receiver checks a fresh signature with the right secret, then it verifies', () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    expect(verifySignature(secret, header, body, { now: 1_700_000_100 })).toBe(true);
  });

  test('when the body, the secret or the timestamp differ, then it does not verify', () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    expect(verifySignature(secret, header, `${body} `, { now: 1_700_000_000 })).toBe(false);
    expect(verifySignature('another-secret', header, body, { now: 1_700_000_000 })).toBe(false);
    expect(
      verifySignature(secret, header.replace('t=1700000000', 't=1700000001'), body, {
        now: 1_700_000_000,
      }),
    ).toBe(false);
  });

  test('when the timestamp is older than the tolerance, then it does not verify (replay)', () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    expect(
      verifySignature(secret, header, body, { now: 1_700_000_301, toleranceSeconds: 300 }),
    ).toBe(false);
  });

  test('when the header is missing or malformed, then it does not verify', () => {
    expect(verifySignature(secret, undefined, body)).toBe(false);
    expect(parseSignatureHeader('v1=abc')).toBeNull();
    expect(parseSignatureHeader('t=12,v1=zz')).toBeNull();
  });

  test('when a secret is being rotated and two v1 values are sent, then either one verifies', () => {
    const header = `${signatureHeader('old-secret', body, 1_700_000_000)},v1=${signatureHeader(secret, body, 1_700_000_000).split('v1=')[1]}`;
    expect(verifySignature(secret, header, body, { now: 1_700_000_000 })).toBe(true);
  });
});

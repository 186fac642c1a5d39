import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures. Every delivery carries
 *
 *     Docflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${body}`)>
 *
 * where `body` is the exact request body. Receivers recompute the HMAC over the raw body, compare
 * in constant time and refuse timestamps outside their tolerance (replays). More than one `v1=`
 * may appear while a secret is being rotated; any match is enough.
 */
export const SIGNATURE_HEADER = 'docflow-signature';

export function sign(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${sign(secret, timestamp, body)}`;
}

export function parseSignatureHeader(
  header: string,
): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[a-f0-9]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? null : { timestamp, signatures };
}

/** What a receiver does: true when one signature matches and the timestamp is fresh enough. */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const parsed = header ? parseSignatureHeader(header) : null;
  if (!parsed) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(secret, parsed.timestamp, body), 'hex');
  return parsed.signatures.some((candidate) =>
    timingSafeEqual(expected, Buffer.from(candidate, 'hex')),
  );
}

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { DocflowError } from '@docflow/platform';
import { publisherError } from '../domain/errors';
import { isPrivateAddress } from '../domain/target-policy';

export interface WebhookClient {
  /**
   * POSTs a JSON body; resolves with the status of a 2xx answer, throws otherwise. The whole
   * exchange (lookup, connect, request, the answer's headers and body) has `timeoutMs` in total;
   * `signal` aborts it earlier (shutdown).
   */
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    signal?: AbortSignal,
  ): Promise<number>;
}

export interface WebhookClientOptions {
  /** The total deadline of one request (WEBHOOK_TIMEOUT_MS), not an idle-socket timeout. */
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

/**
 * The HTTP client of webhook deliveries. The private-address check runs inside the socket's DNS
 * lookup (and on literal IPs before connecting), so a name that resolves to a public address when
 * registered and to a private one later is still refused. No redirects are followed.
 */
export function createWebhookClient(options: WebhookClientOptions): WebhookClient {
  const refuse = (address: string) =>
    publisherError('WEBHOOK_TARGET_REFUSED', `the target resolves to ${address}`);

  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = options.allowPrivateTargets
        ? undefined
        : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(refuse(refused.address) as never, '', 0);
      if (lookupOptions.all) return callback(null, addresses as never);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`) as never, '', 0);
      callback(null, first.address, first.family);
    });
  };

  return {
    post(url, headers, body, signal) {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!options.allowPrivateTargets && isIP(host) !== 0 && isPrivateAddress(host))
        return Promise.reject(refuse(host));
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const abort = signal ? AbortSignal.any([deadline, signal]) : deadline;
      const failure = (err: unknown): DocflowError =>
        deadline.aborted
          ? publisherError(
              'WEBHOOK_TIMEOUT',
              `no complete answer within ${options.timeoutMs} ms (WEBHOOK_TIMEOUT_MS)`,
            )
          : signal?.aborted
            ? publisherError('WEBHOOK_INTERRUPTED')
            : unreachable(err);
      return new Promise<number>((resolve, reject) => {
        const req = send(
          target,
          {
            method: 'POST',
            headers: {
              ...headers,
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(body)),
              'user-agent': 'docflow-webhooks/1',
            },
            lookup: guardedLookup,
            signal: abort,
          },
          (res) => {
            res.resume(); // the answer's body is not used
            const status = res.statusCode ?? 0;
            res.on('end', () =>
              status >= 200 && status < 300
                ? resolve(status)
                : reject(
                    publisherError('WEBHOOK_REJECTED', `the receiver answered ${status}`, {
                      statusCode: status,
                    }),
                  ),
            );
            res.on('error', (err) => reject(failure(err)));
            res.on('aborted', () => reject(failure(new Error('the answer was cut short'))));
          },
        );
        req.on('error', (err) => reject(failure(err)));
        req.end(body);
      });
    },
  };
}

function unreachable(err: unknown): DocflowError {
  if (err instanceof DocflowError) return err;
  return publisherError('WEBHOOK_UNREACHABLE', err instanceof Error ? err.message : String(err));
}

import type { ConsumeMessage } from 'amqplib';
import { eventCatalog, isEventType, type AnyEvent, type ConsumerSpec } from '@docflow/contracts';
import { z } from 'zod';
import type { ErrorSummary } from '../errors';
import type { DeadLetterReason } from './headers';

/** Largest message a consumer reads by default: events carry references, never file contents. */
export const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Content types an event may declare; none declared means JSON. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;
/** Content encodings that leave the bytes as they are. */
const IDENTITY_ENCODINGS = new Set(['identity', 'utf-8', 'utf8']);

export type Inbound =
  { event: AnyEvent } | { reason: DeadLetterReason; error: ErrorSummary & { details?: unknown } };

/**
 * The edge check of every consumed message, in the order a reader would give up: too large to
 * read, not declared as JSON, not JSON, not an object, a type this consumer does not handle, then
 * the event's schema (envelope and payload). Anything refused is dead-lettered with the reason.
 */
export function readInbound(
  msg: ConsumeMessage,
  consumer: Pick<ConsumerSpec, 'name' | 'consumes'>,
  maxBytes: number,
): Inbound {
  if (msg.content.length > maxBytes)
    return refuse(
      'too_large',
      'MESSAGE_TOO_LARGE',
      `${msg.content.length} bytes, limit ${maxBytes}`,
    );
  const { contentType, contentEncoding } = msg.properties as {
    contentType?: unknown;
    contentEncoding?: unknown;
  };
  if (
    contentType !== undefined &&
    !(typeof contentType === 'string' && JSON_TYPE.test(contentType))
  )
    return refuse(
      'unsupported_content_type',
      'MESSAGE_CONTENT_TYPE',
      `content type ${JSON.stringify(contentType)} is not JSON`,
    );
  if (
    contentEncoding !== undefined &&
    !(typeof contentEncoding === 'string' && IDENTITY_ENCODINGS.has(contentEncoding.toLowerCase()))
  )
    return refuse(
      'unsupported_encoding',
      'MESSAGE_ENCODING',
      `content encoding ${JSON.stringify(contentEncoding)} is not supported`,
    );
  let body: unknown;
  try {
    body = JSON.parse(msg.content.toString('utf8'));
  } catch (err) {
    return refuse('not_json', 'MESSAGE_NOT_JSON', `body is not JSON: ${(err as Error).message}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return refuse(
      'schema_invalid',
      'MESSAGE_NOT_OBJECT',
      `body is JSON ${body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body}, not an event object`,
    );
  const type = (body as { type?: unknown }).type;
  if (typeof type !== 'string' || !isEventType(type) || !consumer.consumes.includes(type))
    return refuse(
      'unknown_event_type',
      'EVENT_TYPE_UNKNOWN',
      `consumer "${consumer.name}" does not handle type ${JSON.stringify(type)}`,
    );
  const result = eventCatalog[type].schema.safeParse(body);
  if (!result.success)
    return {
      reason: 'schema_invalid',
      error: {
        ...permanent('MESSAGE_INVALID', z.prettifyError(result.error)),
        details: result.error.issues,
      },
    };
  return { event: result.data as AnyEvent };
}

/**
 * A count carried in a header (`x-docflow-retries`, `x-docflow-replays`): a whole number from 0,
 * or 0 when the header is absent or holds anything else (a string, a negative, a fraction).
 */
export function headerCount(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

function refuse(reason: DeadLetterReason, code: string, message: string): Inbound {
  return { reason, error: permanent(code, message) };
}

function permanent(code: string, message: string): ErrorSummary {
  return { code, message, transient: false, operational: true };
}

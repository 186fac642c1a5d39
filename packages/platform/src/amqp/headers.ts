/** Message headers the runtime reads and writes. */
export const HEADERS = {
  /** Transport retries this message has had (0 on first delivery). */
  retries: 'x-docflow-retries',
  /** Why the runtime dead-lettered the message (schema_invalid, permanent_error, retries_exhausted, …). */
  reason: 'x-docflow-reason',
  consumer: 'x-docflow-consumer',
  errorCode: 'x-docflow-error-code',
  lastError: 'x-docflow-last-error',
  /** JSON: validation issues or error details. */
  details: 'x-docflow-details',
  deadLetteredAt: 'x-docflow-dead-lettered-at',
  originalExchange: 'x-docflow-original-exchange',
  originalRoutingKey: 'x-docflow-original-routing-key',
  /** Times an operator replayed this message from a dead-letter queue (each replay runs afresh). */
  replays: 'x-docflow-replays',
  /**
   * When (epoch ms) this message first failed for an outage (a server it needs away): retries past
   * the last level go on until RETRY_OUTAGE_MS after it.
   */
  outageSince: 'x-docflow-outage-since',
  /** Unique per publish, so a broker return can be matched to its publish. */
  publishId: 'x-docflow-publish-id',
  /** Set by quorum queues on redelivery. */
  deliveryCount: 'x-delivery-count',
} as const;

export type DeadLetterReason =
  | 'too_large'
  | 'unsupported_content_type'
  | 'unsupported_encoding'
  | 'not_json'
  | 'unknown_event_type'
  | 'schema_invalid'
  | 'permanent_error'
  | 'retries_exhausted';

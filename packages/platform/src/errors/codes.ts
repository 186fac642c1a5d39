/**
 * Every error code the runtime raises, with whether a retry can help, and whether it means a
 * server the work needs is away (`outage`: retried for as long as RETRY_OUTAGE_MS allows, past the
 * retry levels, instead of failing the document). Services keep their own
 * registry next to their domain code and build errors with the same `DocflowError`.
 */
export const runtimeErrorCodes = {
  CONFIG_INVALID: { transient: false, message: 'configuration is invalid' },
  MESSAGE_NOT_JSON: { transient: false, message: 'message body is not JSON' },
  MESSAGE_INVALID: { transient: false, message: 'message does not match its schema' },
  EVENT_TYPE_UNKNOWN: { transient: false, message: 'this consumer does not handle the event type' },
  HANDLER_TIMEOUT: { transient: true, message: 'handler did not finish in time' },
  IN_PROGRESS_ELSEWHERE: { transient: true, message: 'another consumer is handling this event' },
  BROKER_UNAVAILABLE: { transient: true, outage: true, message: 'message broker is not reachable' },
  BROKER_BLOCKED: {
    transient: true,
    outage: true,
    message: 'message broker is blocking publishers',
  },
  PUBLISH_NACKED: { transient: true, message: 'broker refused the message' },
  PUBLISH_UNROUTABLE: { transient: false, message: 'no queue is bound for the message' },
  DEPENDENCY_UNAVAILABLE: {
    transient: true,
    outage: true,
    message: 'a dependency is not reachable',
  },
  CIRCUIT_OPEN: { transient: true, outage: true, message: 'circuit breaker is open' },
  /**
   * Work on user data ran past its time or memory budget. Permanent: the same input would exceed
   * it again, and a retry would only hold up another replica.
   */
  BUDGET_EXCEEDED: { transient: false, message: 'the work exceeded its budget' },
  BUDGET_RUNNER_CLOSED: {
    transient: true,
    message: 'the budget runner closed before the work finished',
  },
  INTERNAL: { transient: false, message: 'internal error' },
} as const;

export type RuntimeErrorCode = keyof typeof runtimeErrorCodes;

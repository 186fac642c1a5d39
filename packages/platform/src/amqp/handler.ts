import type { EventOfType, EventType } from '@docflow/contracts';
import type { Logger } from '../logging';
import type { Outgoing } from './event-factory';

export interface HandlerContext {
  /** Child logger carrying eventId, documentId, tenantId and correlationId. */
  logger: Logger;
  /** Transport retries before this delivery. */
  retries: number;
  /** Aborted when the handler times out or the service shuts down. */
  signal: AbortSignal;
}

export type HandlerResult = Outgoing | readonly Outgoing[] | void;

/** A handler: a function of the event (and its dependencies, closed over) returning the next events. */
export type EventHandler<T extends EventType> = (
  event: EventOfType<T>,
  ctx: HandlerContext,
) => Promise<HandlerResult>;

export type HandlerMap = { [T in EventType]?: EventHandler<T> };

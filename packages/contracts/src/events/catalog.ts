import type { z } from 'zod';
import * as documentEvents from './document-events';
import * as jobEvents from './job-events';

/** Every event docflow knows, by type. Adding an event means adding it here. */
export const eventCatalog = {
  [documentEvents.documentReceived.type]: documentEvents.documentReceived,
  [documentEvents.documentScanned.type]: documentEvents.documentScanned,
  [documentEvents.documentRejected.type]: documentEvents.documentRejected,
  [documentEvents.documentTextExtracted.type]: documentEvents.documentTextExtracted,
  [documentEvents.documentClassified.type]: documentEvents.documentClassified,
  [documentEvents.documentNeedsReview.type]: documentEvents.documentNeedsReview,
  [documentEvents.documentPublished.type]: documentEvents.documentPublished,
  [documentEvents.documentFailed.type]: documentEvents.documentFailed,
  [documentEvents.documentCancelled.type]: documentEvents.documentCancelled,
  [jobEvents.jobRequested.type]: jobEvents.jobRequested,
  [jobEvents.jobCompleted.type]: jobEvents.jobCompleted,
} as const;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
/** The wire form of an event of type T. */
export type EventOfType<T extends EventType> = z.infer<EventCatalog[T]['schema']>;
/** The payload of an event of type T. */
export type PayloadOf<T extends EventType> = z.infer<EventCatalog[T]['payload']>;
export type AnyEvent = { [T in EventType]: EventOfType<T> }[EventType];

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventCatalog, type);
}

export function eventDefinition<T extends EventType>(type: T): EventCatalog[T] {
  return eventCatalog[type];
}

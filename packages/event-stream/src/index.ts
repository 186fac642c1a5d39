export {
  createEventStreamParser,
  parseEventBlock,
  readServerSentEvents,
  type ServerSentEvent,
} from './event-stream-parser';

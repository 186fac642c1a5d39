import { eventCatalog, type EventType } from '../events/catalog';
import { consumers, EXCHANGES, queuesOf } from '../topology';
import { eventJsonSchema } from './json-schema';

const channelId = (type: string): string => type.replace(/[^a-zA-Z0-9]/g, '_');

/**
 * An AsyncAPI 3.0 document of the event bus: one channel per event type (its routing key on the
 * events exchange), one message per channel, and per consumer a `receive` operation for what it
 * consumes and a `send` operation for what it produces.
 */
export function buildAsyncApi(version: string): Record<string, unknown> {
  const types = Object.keys(eventCatalog) as EventType[];
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const type of types) {
    const def = eventCatalog[type];
    const id = channelId(type);
    messages[id] = {
      name: type,
      title: type,
      summary: def.description,
      contentType: 'application/json',
      payload: eventJsonSchema(type, 'draft-7'),
    };
    channels[id] = {
      address: type,
      description: `Routing key "${type}" on the ${EXCHANGES.events.type} exchange "${EXCHANGES.events.name}".`,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      bindings: {
        amqp: {
          is: 'routingKey',
          exchange: {
            name: EXCHANGES.events.name,
            type: EXCHANGES.events.type,
            durable: true,
            autoDelete: false,
          },
          bindingVersion: '0.3.0',
        },
      },
    };
  }
  const operations: Record<string, unknown> = {};
  for (const consumer of consumers) {
    for (const type of consumer.consumes) {
      operations[`${consumer.name}_receives_${channelId(type)}`] = {
        action: 'receive',
        summary: `${consumer.service} consumes ${type} from queue ${queuesOf(consumer.name).work}`,
        channel: { $ref: `#/channels/${channelId(type)}` },
        messages: [{ $ref: `#/channels/${channelId(type)}/messages/${channelId(type)}` }],
      };
    }
    for (const type of consumer.produces) {
      operations[`${consumer.name}_sends_${channelId(type)}`] = {
        action: 'send',
        summary: `${consumer.service} publishes ${type}`,
        channel: { $ref: `#/channels/${channelId(type)}` },
        messages: [{ $ref: `#/channels/${channelId(type)}/messages/${channelId(type)}` }],
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'docflow event bus',
      version,
      description:
        'Events exchanged by the docflow services over RabbitMQ. Generated from packages/contracts.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:5672',
        protocol: 'amqp',
        description: 'The local infrastructure (scripts/infra.sh).',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

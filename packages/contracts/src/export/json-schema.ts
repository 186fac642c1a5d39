import { z } from 'zod';
import { eventCatalog, type EventType } from '../events/catalog';

export type JsonSchemaTarget = 'draft-2020-12' | 'draft-7';

/** The JSON Schema of one event as it travels on the wire (envelope + payload). */
export function eventJsonSchema(
  type: EventType,
  target: JsonSchemaTarget = 'draft-2020-12',
): Record<string, unknown> {
  const def = eventCatalog[type];
  const schema = z.toJSONSchema(def.schema, { target, io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://docflow.dev/schemas/events/${type}.v${def.version}.json`,
    title: type,
    description: def.description,
  };
}

/** One JSON Schema per event type, keyed by type. */
export function allEventJsonSchemas(
  target: JsonSchemaTarget = 'draft-2020-12',
): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    (Object.keys(eventCatalog) as EventType[]).map((type) => [type, eventJsonSchema(type, target)]),
  );
}

import { z } from 'zod';

/** Tenant ids are short, URL-safe slugs; `system` is reserved for platform-wide work (jobs). */
export const tenantIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    'lowercase letters, digits, "-" and "_", starting with a letter or digit',
  );

export const SYSTEM_TENANT = 'system';

/** Every id minted by docflow is a UUID (v4 for new entities, v5 for ids derived from another id). */
export const idSchema = z.uuid();

/**
 * The envelope every event travels in. `correlationId` follows a document (or job run) through the
 * whole pipeline; `causationId` is the id of the event whose handling produced this one.
 * `attempt` is the document's processing attempt: 1 for the first pass, +1 for every user retry.
 * Transport retries of one event do not change it (they travel in the `x-docflow-retries` header).
 */
export const envelopeSchema = z.object({
  eventId: idSchema.describe('Unique id of this event; consumers deduplicate on it.'),
  type: z.string().describe('Event type, also the routing key: <subject>.<past-tense>.'),
  schemaVersion: z.number().int().positive().describe('Version of the payload schema.'),
  occurredAt: z.iso.datetime({ offset: true }).describe('When the event happened (ISO 8601).'),
  tenantId: tenantIdSchema.describe('Owner of the data; never crosses tenants.'),
  documentId: idSchema.optional().describe('The document this event is about, where one applies.'),
  correlationId: z.string().min(1).max(128).describe('Follows one document or job run end to end.'),
  causationId: idSchema.nullable().describe('The event that caused this one; null at the origin.'),
  attempt: z.number().int().min(1).max(1000).describe('Processing attempt of the document.'),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export interface EventDefinition<
  TType extends string = string,
  TPayload extends z.ZodType = z.ZodType,
  TScoped extends boolean = boolean,
> {
  readonly type: TType;
  readonly version: number;
  readonly description: string;
  /** Whether the envelope must carry a documentId. */
  readonly documentScoped: TScoped;
  readonly payload: TPayload;
  /** Envelope + payload, as it travels on the wire. */
  readonly schema: z.ZodType<EventOf<TType, z.infer<TPayload>, TScoped>>;
}

export type EventOf<TType extends string, TPayload, TScoped extends boolean = boolean> = Omit<
  Envelope,
  'type'
> & {
  type: TType;
  payload: TPayload;
} & (TScoped extends true ? { documentId: string } : unknown);

export function defineEvent<
  TType extends string,
  TPayload extends z.ZodType,
  TScoped extends boolean,
>(spec: {
  type: TType;
  version: number;
  description: string;
  documentScoped: TScoped;
  payload: TPayload;
}): EventDefinition<TType, TPayload, TScoped> {
  const base = envelopeSchema.extend({
    type: z.literal(spec.type),
    schemaVersion: z.literal(spec.version),
    payload: spec.payload,
  });
  const schema = spec.documentScoped
    ? base.extend({ documentId: idSchema.describe('The document this event is about.') })
    : base;
  return {
    ...spec,
    schema: schema.describe(spec.description) as unknown as z.ZodType<
      EventOf<TType, z.infer<TPayload>, TScoped>
    >,
  };
}

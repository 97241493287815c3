import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { INTERACTION_TYPES } from '@regie/contracts';
import { DATE_TIME, INTEGER, objectSchema, STRING } from '@regie/http';

/** The journey API's bodies and answers, as OpenAPI schemas (shared/DESIGN.md §3.1, §3.3). */
export const INTERACTION_SCHEMA: SchemaObject = objectSchema(
  {
    specversion: { type: 'string', enum: ['1.0'] },
    id: { type: 'string', maxLength: 128, description: 'Unique per source: the same (source, id) is recorded once' },
    source: { type: 'string', maxLength: 256 },
    type: { type: 'string', enum: [...INTERACTION_TYPES] },
    subject: { type: 'string', description: 'The pseudonymous customer id (never a name or citizen number)' },
    time: DATE_TIME,
    datacontenttype: STRING,
    data: {
      type: 'object',
      required: ['channel', 'contactId'],
      properties: { channel: STRING, contactId: STRING },
      additionalProperties: true,
      description: 'channel and contactId, and what the type adds (deploy/asyncapi.yaml has each)',
    },
  },
  ['specversion', 'id', 'source', 'type', 'subject', 'time', 'data'],
);

export const INTERACTIONS_BODY: SchemaObject = {
  description: 'One CloudEvent (structured JSON mode), or a JSON array of them (all or nothing)',
  oneOf: [INTERACTION_SCHEMA, { type: 'array', minItems: 1, items: INTERACTION_SCHEMA }],
};

export const ACCEPTED_SCHEMA = objectSchema(
  {
    accepted: { ...INTEGER, description: 'Distinct events accepted' },
    duplicates: { ...INTEGER, description: 'Repeats within the batch, recorded once' },
  },
  ['accepted'],
);

export const JOURNEY_SCHEMA = objectSchema(
  {
    customerId: STRING,
    entries: {
      type: 'array',
      items: objectSchema({ time: DATE_TIME, channel: STRING, layer: STRING, type: STRING, contactId: STRING, recordedAt: DATE_TIME }, [
        'time',
        'channel',
        'layer',
        'type',
        'contactId',
      ]),
    },
    nextCursor: STRING,
  },
  ['customerId', 'entries'],
);

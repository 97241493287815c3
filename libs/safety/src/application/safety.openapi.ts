import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DATE_TIME, objectSchema, STRING, STRINGS } from '@regie/http';

/** The safety API's answers, as OpenAPI schemas (shared/DESIGN.md §3.3, §6). */
const status = (...values: string[]): SchemaObject => ({ type: 'string', enum: values });

export const REPORT_CREATED_SCHEMA = objectSchema(
  { id: STRING, status: status('open'), customerId: STRING, contactId: STRING, category: STRING },
  ['id', 'status', 'customerId', 'contactId', 'category'],
);
export const REPORT_SCHEMA = objectSchema(
  {
    id: STRING,
    customerId: STRING,
    contactId: STRING,
    channel: STRING,
    category: STRING,
    status: status('open', 'dismissed', 'warned', 'excluded'),
    reportedAt: DATE_TIME,
  },
  ['id', 'customerId', 'status', 'reportedAt'],
);
export const DECIDED_SCHEMA = objectSchema({ id: STRING, status: STRING }, ['id', 'status']);
export const EXCLUSION_CREATED_SCHEMA = objectSchema(
  {
    id: STRING,
    status: status('in-force'),
    customerId: STRING,
    channels: STRINGS,
    startsAt: DATE_TIME,
    endsAt: DATE_TIME,
    alternatives: STRINGS,
  },
  ['id', 'status'],
);
export const EXCLUSION_SCHEMA = objectSchema(
  {
    id: STRING,
    customerId: STRING,
    channels: STRINGS,
    status: STRING,
    startsAt: DATE_TIME,
    endsAt: DATE_TIME,
    reason: STRING,
    alternatives: STRINGS,
    inForce: { type: 'boolean', description: 'In force now: not lifted and not yet ended' },
  },
  ['id', 'customerId', 'status', 'startsAt', 'endsAt', 'inForce'],
);
export const ELIGIBILITY_SCHEMA = objectSchema(
  {
    channel: STRING,
    allowed: { type: 'boolean' },
    reason: { type: 'string', description: 'When not allowed' },
    alternatives: { ...STRINGS, description: 'When not allowed: the channels the customer may use instead' },
    endsAt: { ...DATE_TIME, description: 'When not allowed: when the exclusion ends' },
  },
  ['channel', 'allowed'],
);
export const SAFETY_HISTORY_SCHEMA = objectSchema(
  {
    customerId: STRING,
    items: {
      type: 'array',
      items: objectSchema({ type: STRING, recordedAt: DATE_TIME, actor: STRING, data: { type: 'object', additionalProperties: true } }, [
        'type',
        'recordedAt',
      ]),
    },
  },
  ['customerId', 'items'],
);

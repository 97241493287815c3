import { DATE_TIME, objectSchema, STRING } from '@regie/http';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The cases API's answers, as OpenAPI schemas (shared/DESIGN.md §3.3). */
export const CASE_SCHEMA: SchemaObject = objectSchema(
  {
    id: STRING,
    customerId: STRING,
    channel: STRING,
    layer: STRING,
    status: { type: 'string', enum: ['queued', 'assigned', 'resolved', 'abandoned'] },
    assignee: STRING,
    reason: STRING,
    trigger: STRING,
    context: { type: 'object', additionalProperties: true, description: 'Channels touched, topic, bot failures, earlier cases' },
    openedAt: DATE_TIME,
    serviceLevelDueAt: DATE_TIME,
    breached: { type: 'boolean' },
    assignedAt: DATE_TIME,
    closedAt: DATE_TIME,
    outcome: STRING,
    escalatedFrom: STRING,
    escalatedTo: STRING,
  },
  ['id', 'customerId', 'channel', 'layer', 'status', 'reason', 'context', 'openedAt'],
);

export const CLAIMED_SCHEMA = objectSchema({ id: STRING, status: { type: 'string', enum: ['assigned'] }, assignee: STRING }, [
  'id',
  'status',
  'assignee',
]);
export const ESCALATED_SCHEMA = objectSchema({ caseId: STRING, newCaseId: STRING, toChannel: STRING }, [
  'caseId',
  'newCaseId',
  'toChannel',
]);
export const RESOLVED_SCHEMA = objectSchema({ id: STRING, status: { type: 'string', enum: ['resolved'] }, outcome: STRING }, [
  'id',
  'status',
  'outcome',
]);
export const PRESENCE_SCHEMA = objectSchema(
  {
    agentId: STRING,
    status: STRING,
    channels: { type: 'array', items: STRING },
    capacity: { type: 'object', additionalProperties: { type: 'integer' } },
  },
  ['agentId', 'status', 'channels', 'capacity'],
);

export const QUEUES_SCHEMA = objectSchema(
  {
    items: {
      type: 'array',
      description: 'Every channel of the concept in force, in its order',
      items: objectSchema(
        {
          channel: STRING,
          layer: STRING,
          waiting: { type: 'integer', minimum: 0 },
          breached: { type: 'integer', minimum: 0, description: 'Of those waiting, how many are past the service level' },
          oldestOpenedAt: DATE_TIME,
          targetWaitSeconds: { type: 'integer', minimum: 0 },
        },
        ['channel', 'layer', 'waiting', 'breached'],
      ),
    },
  },
  ['items'],
);

import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DATE_TIME, objectSchema } from '@regie/http';

/** An erasure as the API shows it: never the customer it erased. */
export const ERASURE_SCHEMA: SchemaObject = objectSchema(
  {
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['pending', 'completed'] },
    reason: { type: 'string', enum: ['request', 'retention'], description: 'Asked for (GDPR art. 17), or the journey retention ran out' },
    requestedAt: DATE_TIME,
    erasedAt: DATE_TIME,
  },
  ['id', 'status', 'reason', 'requestedAt'],
);

import type { DynamicModule } from '@nestjs/common';
import { IngestModule } from '@regie/journey';
import type { Platform } from '../../regie/src/platform';

/** Stateless HTTP ingest: validates interactions and hands them to messaging. It loads no board and replays no stream. */
export const gatewayModules = ({ messaging, concept, observability }: Platform): DynamicModule[] => [
  IngestModule.forRoot([messaging, concept, observability]),
];

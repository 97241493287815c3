import type { EventStoreModuleOptions } from '@regie/event-store';
import type { RegieConfig } from './regie.config';

export const storeOptionsFrom = (config: RegieConfig): EventStoreModuleOptions => {
  switch (config.REGIE_STORE) {
    case 'memory':
      return { kind: 'memory' };
    case 'eventstoredb':
      return { kind: 'eventstoredb', url: config.EVENTSTORE_URL ?? '' };
    case 'postgres':
      return { kind: 'postgres', url: config.REGIE_POSTGRES_URL ?? '' };
    case 'sqlite':
      return { kind: 'sqlite', dataDir: config.REGIE_DATA_DIR };
  }
};

import 'reflect-metadata';
import { REGIE_ROLES, runMain } from '@regie/application';
import { REGIE_EXTRA_MODULES } from './regie.module';

runMain('regie', REGIE_ROLES, 'Regie (all-in-one: gateway, orchestrator, desk)', REGIE_EXTRA_MODULES);

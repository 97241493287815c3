import 'reflect-metadata';
import { REGIE_ROLES } from './regie.module';
import { runMain } from './run-main';

runMain('regie', REGIE_ROLES, 'Regie (all-in-one: gateway, orchestrator, desk)');

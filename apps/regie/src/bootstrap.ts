import { REGIE_ROLES, startRegieApp, type StartedRegieApp } from '@regie/application';
import { REGIE_EXTRA_MODULES } from './regie.module';

export type StartedRegie = StartedRegieApp;

/** The embedded default: gateway, orchestrator and desk in one process (in-process bus, SQLite store). */
export const startRegie = (env: NodeJS.ProcessEnv = process.env): Promise<StartedRegie> => startRegieApp(REGIE_ROLES, env, REGIE_EXTRA_MODULES);

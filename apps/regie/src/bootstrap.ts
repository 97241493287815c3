import type { Clock } from '@regie/eventsourcing';
import type { DestinationStream } from 'pino';
import { REGIE_ROLES } from './regie.module';
import { startRegieApp, type StartedRegieApp } from './start-regie-app';

export type StartedRegie = StartedRegieApp;

/** The embedded default: gateway, orchestrator and desk in one process (in-process bus, SQLite store). */
export const startRegie = (env: NodeJS.ProcessEnv = process.env, clock?: Clock, logTo?: DestinationStream): Promise<StartedRegie> =>
  startRegieApp(REGIE_ROLES, env, clock, logTo);

import { Module } from '@nestjs/common';
import { Dispatcher } from './dispatcher';

/** Routing queued cases to agents and service-level breaches: a single writer per deployment. */
@Module({ providers: [Dispatcher] })
export class DispatchModule {}

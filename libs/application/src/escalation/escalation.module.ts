import { Global, Module } from '@nestjs/common';
import { EXCLUSIONS, noExclusions } from './exclusions.port';

/** What every role needs to respect exclusions when routing. */
@Global()
@Module({ providers: [{ provide: EXCLUSIONS, useValue: noExclusions }], exports: [EXCLUSIONS] })
export class EscalationModule {}

import { Global, Module } from '@nestjs/common';
import { Streams } from './streams';

@Global()
@Module({ providers: [Streams], exports: [Streams] })
export class StreamsModule {}

import { Global, Module } from '@nestjs/common';
import { Leadership } from './leadership';

@Global()
@Module({ providers: [Leadership], exports: [Leadership] })
export class LeadershipModule {}

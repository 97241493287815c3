import { Global, Module } from '@nestjs/common';
import { BoardFeeder } from './board-feeder';
import { CaseBoard } from './case-board';

@Global()
@Module({ providers: [CaseBoard, BoardFeeder], exports: [CaseBoard] })
export class CaseBoardModule {}

import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { AgentStreams, CaseStreams } from '../case-streams';
import { caseArchiveProvider } from './archive/case-archive.provider';
import { BoardFeeder } from './board-feeder';
import { CaseBoard } from './case-board';
import { CaseQueueGauge } from './case-queue-gauge';

/** Cases and agents as every case-handling role sees them, and commands on their streams. Needs the store and the metrics. */
@Module({})
export class CaseBoardModule {
  static forRoot(store: ModuleImports): DynamicModule {
    return {
      module: CaseBoardModule,
      imports: [...store],
      providers: [caseArchiveProvider, CaseBoard, BoardFeeder, CaseQueueGauge, CaseStreams, AgentStreams],
      exports: [CaseBoard, CaseStreams, AgentStreams],
    };
  }
}

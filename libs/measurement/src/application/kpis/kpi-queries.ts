import { Injectable } from '@nestjs/common';
import { ConceptInForce } from '@regie/concept';
import {
  CONCEPT_REVISIONS,
  computeGapAnalysis,
  computeKpis,
  measurementRules,
  newKpiMemory,
  validateKpiQuery,
  type ConceptRevisions,
  type GapAnalysis,
  type Granularity,
  type KpiReadModels,
  type KpiReport,
} from '../../domain';
import { ProjectionsRunner } from '../projections.runner';
import { kpiProjectionNames } from '../registry';
import type { GapQueryDto, KpiQueryDto } from './kpi-query.dto';

/** Answers KPI and gap-analysis queries from the durable read models: never from the log. */
@Injectable()
export class KpiQueries {
  /** Period reports kept between queries: a year by day is computed again only where its days have changed. */
  private readonly kept = newKpiMemory();

  constructor(
    private readonly runner: ProjectionsRunner,
    private readonly concept: ConceptInForce,
  ) {}

  async kpis(query: KpiQueryDto): Promise<KpiReport> {
    const problems = validateKpiQuery(query);
    const channels = this.concept.channelIds();
    if (query.channel !== undefined && !channels.has(query.channel)) {
      problems.push({
        path: 'channel',
        message: `"${query.channel}" is not a channel of the concept (known: ${[...channels].join(', ')})`,
      });
    }
    if (problems.length > 0) measurementRules.refuse('kpi-query-invalid', 'the KPI query is not valid', problems);
    const readModels = await this.readModels();
    return computeKpis(
      {
        readModels,
        conceptRevisions: this.revisions(),
        from: query.from!,
        to: query.to!,
        ...(query.granularity !== undefined && { granularity: query.granularity as Granularity }),
        ...(query.channel !== undefined && { channel: query.channel }),
        ...(query.baselineFrom !== undefined && { baseline: { from: query.baselineFrom, to: query.baselineTo! } }),
      },
      this.kept,
    );
  }

  async gapAnalysis(query: GapQueryDto): Promise<GapAnalysis> {
    const problems = validateKpiQuery(query);
    if (problems.length > 0) measurementRules.refuse('kpi-query-invalid', 'the gap-analysis query is not valid', problems);
    const readModels = await this.readModels();
    return computeGapAnalysis({ readModels, conceptRevisions: this.revisions(), from: query.from!, to: query.to! });
  }

  private revisions(): ConceptRevisions['revisions'] {
    return this.runner.snapshot<ConceptRevisions>(CONCEPT_REVISIONS)?.state.revisions ?? [];
  }

  private async readModels(): Promise<KpiReadModels> {
    const timeZone = this.runner.timeZone();
    await this.runner.ensureRunning(timeZone);
    const names = kpiProjectionNames(timeZone);
    const state = <Name extends keyof KpiReadModels>(name: Name): KpiReadModels[Name] => {
      const snapshot = this.runner.snapshot<KpiReadModels[Name]>(names[name]);
      if (!snapshot) throw new Error(`the read model ${names[name]} is not running`);
      return snapshot.state;
    };
    return {
      contacts: state('contacts'),
      containment: state('containment'),
      fcr: state('fcr'),
      surveys: state('surveys'),
      caseQueue: state('caseQueue'),
    };
  }
}

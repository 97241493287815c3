import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { CHANNEL_BREAKDOWNS } from '../../domain';

/** Strings only: the measurement domain checks them (validateKpiQuery) and names each bad one. */
export class KpiQueryDto {
  @ApiPropertyOptional({ description: 'First day, YYYY-MM-DD', format: 'date' })
  @IsOptional()
  @IsString()
  from?: string;
  @ApiPropertyOptional({ description: 'Last day, YYYY-MM-DD', format: 'date' })
  @IsOptional()
  @IsString()
  to?: string;
  @ApiPropertyOptional({ description: 'day, week, month, quarter or year' })
  @IsOptional()
  @IsString()
  granularity?: string;
  @ApiPropertyOptional({ description: 'One channel only' })
  @IsOptional()
  @IsString()
  channel?: string;
  @ApiPropertyOptional({ description: 'Start of a period to compare with', format: 'date' })
  @IsOptional()
  @IsString()
  baselineFrom?: string;
  @ApiPropertyOptional({ description: 'End of the period to compare with', format: 'date' })
  @IsOptional()
  @IsString()
  baselineTo?: string;
  @ApiPropertyOptional({
    description:
      'Which periods carry their per-channel figures (byChannel) in the JSON: all, or only the last, for a view that shows ' +
      'one period’s channels. A CSV always holds every channel of every period.',
    enum: CHANNEL_BREAKDOWNS,
    default: 'all',
  })
  @IsOptional()
  @IsString()
  byChannel?: string;
}

export class GapQueryDto {
  @ApiPropertyOptional({ description: 'First day, YYYY-MM-DD', format: 'date' })
  @IsOptional()
  @IsString()
  from?: string;
  @ApiPropertyOptional({ description: 'Last day, YYYY-MM-DD', format: 'date' })
  @IsOptional()
  @IsString()
  to?: string;
}

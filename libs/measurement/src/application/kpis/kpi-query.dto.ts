import { IsOptional, IsString } from 'class-validator';

/** Strings only: the measurement domain checks them (validateKpiQuery) and names each bad one. */
export class KpiQueryDto {
  @IsOptional() @IsString() from?: string;
  @IsOptional() @IsString() to?: string;
  @IsOptional() @IsString() granularity?: string;
  @IsOptional() @IsString() channel?: string;
  @IsOptional() @IsString() baselineFrom?: string;
  @IsOptional() @IsString() baselineTo?: string;
}

export class GapQueryDto {
  @IsOptional() @IsString() from?: string;
  @IsOptional() @IsString() to?: string;
}

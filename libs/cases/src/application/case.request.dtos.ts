import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@regie/http';
import type { CaseStatus } from './board/case-view';

export class EscalateCaseRequestDto {
  @ApiProperty({ description: 'A channel of a higher layer of the pyramid' })
  @IsString()
  @IsNotEmpty()
  toChannel!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ResolveCaseRequestDto {
  @ApiProperty({ enum: ['resolved', 'unresolved'] })
  @IsIn(['resolved', 'unresolved'], { message: 'outcome must be one of: resolved, unresolved' })
  outcome!: 'resolved' | 'unresolved';
}

/** Filters, and a page of at most `limit` cases in the order they were opened. */
export class ListCasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['queued', 'assigned', 'resolved', 'abandoned'] })
  @IsOptional()
  @IsIn(['queued', 'assigned', 'resolved', 'abandoned'], { message: 'status must be one of: queued, assigned, resolved, abandoned' })
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'A channel id of the service concept' })
  @IsOptional()
  @IsString()
  channel?: string;

  @ApiPropertyOptional({ enum: ['self-service', 'assisted', 'personal'] })
  @IsOptional()
  @IsIn(['self-service', 'assisted', 'personal'], { message: 'layer must be one of: self-service, assisted, personal' })
  layer?: string;
}

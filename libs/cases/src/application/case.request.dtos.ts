import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@regie/http';

export class EscalateCaseRequestDto {
  @IsString()
  @IsNotEmpty()
  toChannel!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ResolveCaseRequestDto {
  @IsIn(['resolved', 'unresolved'], { message: 'outcome must be one of: resolved, unresolved' })
  outcome!: 'resolved' | 'unresolved';
}

/** Filters, and a page of at most `limit` cases in the order they were opened. */
export class ListCasesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['queued', 'assigned', 'resolved', 'abandoned'], { message: 'status must be one of: queued, assigned, resolved, abandoned' })
  status?: string;

  @IsOptional()
  @IsString()
  channel?: string;

  @IsOptional()
  @IsIn(['self-service', 'assisted', 'personal'], { message: 'layer must be one of: self-service, assisted, personal' })
  layer?: string;
}

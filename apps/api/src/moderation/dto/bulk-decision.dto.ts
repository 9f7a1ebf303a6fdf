import { ApiProperty, PickType } from '@nestjs/swagger';
import type { BulkDecisionItem, BulkDecisionRequest } from '@sift/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { DecisionDto } from './decision.dto.js';

export const BULK_MAX = 200;

export class BulkDecisionItemDto implements BulkDecisionItem {
  @ApiProperty()
  @IsUUID()
  id: string;

  @ApiProperty({ description: 'The version you saw; a stale one is reported as a conflict' })
  @IsInt()
  @Min(1)
  version: number;
}

/** The same `action` and optional `reason` as a single decision, for many `{id, version}` at once. */
export class BulkDecisionDto extends PickType(DecisionDto, ['action', 'reason'] as const) implements BulkDecisionRequest {
  @ApiProperty({ type: [BulkDecisionItemDto], maxItems: BULK_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX)
  @ValidateNested({ each: true })
  @Type(() => BulkDecisionItemDto)
  items: BulkDecisionItemDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BulkDecisionItem, BulkDecisionRequest } from '@sift/shared';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

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

export class BulkDecisionDto implements BulkDecisionRequest {
  @ApiProperty({ enum: ['approve', 'hide'] })
  @IsIn(['approve', 'hide'])
  action: 'approve' | 'hide';

  @ApiProperty({ type: [BulkDecisionItemDto], maxItems: BULK_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX)
  @ValidateNested({ each: true })
  @Type(() => BulkDecisionItemDto)
  items: BulkDecisionItemDto[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  @IsCleanText({ multiline: false })
  reason?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DecisionRequest } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

export class DecisionDto implements DecisionRequest {
  @ApiProperty({ enum: ['approve', 'hide'] })
  @IsIn(['approve', 'hide'])
  action: 'approve' | 'hide';

  @ApiProperty({ description: 'The version you saw; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  @IsCleanText({ multiline: false })
  reason?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { AGREEMENT_LIMITS } from '@sift/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `GET /api/learned-models/:id/agreement`: which recent comments to score the candidate on. */
export class AgreementQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: AGREEMENT_LIMITS.days.max, default: AGREEMENT_LIMITS.days.default, description: 'Comments received in the last N days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AGREEMENT_LIMITS.days.max)
  days?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: AGREEMENT_LIMITS.limit.max, default: AGREEMENT_LIMITS.limit.default, description: 'At most this many, the most recent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AGREEMENT_LIMITS.limit.max)
  limit?: number;
}

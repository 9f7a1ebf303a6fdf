import { ApiPropertyOptional } from '@nestjs/swagger';
import type { BacktestRequest, RetriageRequest } from '@sift/shared';
import { IsInt, IsISO8601, IsObject, IsOptional, Max, Min } from 'class-validator';

/** `POST /api/rules/:id/backtests`: a draft config, or an old version; neither: the current version alone. */
export class BacktestDto implements BacktestRequest {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200000, default: 1000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200000)
  limit?: number;
}

export class RetriageDto implements RetriageRequest {
  @ApiPropertyOptional({ format: 'date-time', description: 'default: 7 days ago' })
  @IsOptional()
  @IsISO8601()
  since?: string;
}

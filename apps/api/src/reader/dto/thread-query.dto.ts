import { ApiPropertyOptional } from '@nestjs/swagger';
import { THREAD_ORDERS, type ThreadOrder } from '@sift/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

export const THREAD_PAGE = { default: 20, max: 100 } as const;

/** `?order=newest|oldest&limit=1..100&cursor=<nextCursor of the previous page>` */
export class ThreadQueryDto {
  @ApiPropertyOptional({ enum: THREAD_ORDERS, default: 'newest' })
  @IsOptional()
  @IsIn(THREAD_ORDERS)
  order?: ThreadOrder;

  @ApiPropertyOptional({ minimum: 1, maximum: THREAD_PAGE.max, default: THREAD_PAGE.default, description: 'Top-level threads per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(THREAD_PAGE.max)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

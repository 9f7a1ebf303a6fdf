import { ApiProperty } from '@nestjs/swagger';
import type { AuthorSuspensionRequest } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

/** Up to a year. */
export const MAX_SUSPENSION_HOURS = 24 * 365;

/** Body of `PUT /api/moderation/authors/:key/suspension`. */
export class AuthorSuspensionDto implements AuthorSuspensionRequest {
  @ApiProperty({ minimum: 1, maximum: MAX_SUSPENSION_HOURS, description: 'How long, in hours (a day is 24)' })
  @IsInt()
  @Min(1)
  @Max(MAX_SUSPENSION_HOURS)
  hours: number;

  @ApiProperty({ maxLength: 500, description: 'What the author is told when they try to post' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @IsCleanText({ multiline: true })
  message: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_REASONS, type ReportReason, type ReportRequest } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';
import { COMMENT_LIMITS } from '../../comments/dto/create-comment.dto.js';

export const REPORT_NOTE_MAX = 500;

/** Body of `POST /api/public/comments/:id/reports`. */
export class ReportDto implements ReportRequest {
  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS, { message: `must be one of: ${REPORT_REASONS.join(', ')}` })
  reason: ReportReason;

  @ApiPropertyOptional({ maxLength: REPORT_NOTE_MAX, description: 'Optional words for the moderators' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(REPORT_NOTE_MAX)
  @IsCleanText({ multiline: true })
  note?: string;

  @ApiPropertyOptional({ maxLength: COMMENT_LIMITS.authorToken, description: 'A signed-in reader (as for intake, docs/reader.md)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_LIMITS.authorToken)
  authorToken?: string;
}

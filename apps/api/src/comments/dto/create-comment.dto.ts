import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateCommentRequest } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

export const COMMENT_LIMITS = { authorName: 80, authorId: 200, title: 200, body: 10_000 } as const;

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty({ maxLength: COMMENT_LIMITS.authorName, example: 'Azam' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_LIMITS.authorName)
  @IsCleanText({ multiline: false })
  authorName: string;

  @ApiPropertyOptional({ maxLength: COMMENT_LIMITS.authorId, description: "The author's id in the publisher's system" })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_LIMITS.authorId)
  @IsCleanText({ multiline: false })
  authorId?: string;

  @ApiPropertyOptional({ maxLength: COMMENT_LIMITS.title })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(COMMENT_LIMITS.title)
  @IsCleanText({ multiline: false })
  title?: string;

  @ApiProperty({ maxLength: COMMENT_LIMITS.body })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_LIMITS.body)
  @IsCleanText({ multiline: true })
  body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The comment this one answers (same article)' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateCommentRequest } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsEmpty, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

export const COMMENT_LIMITS = { authorName: 80, authorId: 200, authorToken: 4096, title: 200, body: 10_000 } as const;

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty({ maxLength: COMMENT_LIMITS.authorName, example: 'Azam', description: 'Optional with an authorToken (its name is shown)' })
  @ValidateIf((o: CreateCommentDto) => o.authorToken === undefined || o.authorName !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_LIMITS.authorName)
  @IsCleanText({ multiline: false })
  authorName: string;

  @ApiPropertyOptional({
    maxLength: COMMENT_LIMITS.authorToken,
    description: "A signed-in reader's identity: a short-lived JWT (HS256) the publisher signed, claims sub, name, exp (docs/reader.md)",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_LIMITS.authorToken)
  authorToken?: string;

  /** Refused: an identity anyone could claim (issue 16). Publishers send a signed authorToken instead. */
  @IsEmpty({ message: 'is not accepted unsigned: send the signed-in reader as authorToken, a token the publisher signs (docs/reader.md)' })
  authorId?: never;

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

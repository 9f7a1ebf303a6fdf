import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UpsertArticleRequest } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

export class UpsertArticleDto implements UpsertArticleRequest {
  @ApiProperty({ maxLength: 500 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @IsCleanText({ multiline: false })
  title: string;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  @IsCleanText({ multiline: false })
  subtitle?: string | null;

  @ApiPropertyOptional({ maxLength: 200_000, nullable: true, description: 'Plain text of the article (the off-topic rule reads it)' })
  @IsOptional()
  @IsString()
  @MaxLength(200_000)
  @IsCleanText({ multiline: true })
  body?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  @IsCleanText({ multiline: false })
  author?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  commentsOpen?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Hold every comment of this article for a human' })
  @IsOptional()
  @IsBoolean()
  preModerate?: boolean;
}

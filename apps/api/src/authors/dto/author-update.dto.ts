import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUTHOR_LIST_STATUSES, type AuthorListStatus, type AuthorUpdateRequest } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

export class AuthorUpdateDto implements AuthorUpdateRequest {
  @ApiPropertyOptional({ enum: AUTHOR_LIST_STATUSES, nullable: true, description: 'null takes the author off every list' })
  @ValidateIf((_, v) => v !== null)
  @IsIn(AUTHOR_LIST_STATUSES)
  status: AuthorListStatus | null;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  @IsCleanText({ multiline: true })
  note?: string | null;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsCleanText({ multiline: false })
  displayName?: string;
}

import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import type { RuleDraft, RuleTestRequest } from '@sift/shared';
import { RuleCreateDto } from './rule-save.dto.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

class TestCommentDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;
}

class TestArticleDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ maxLength: 200000 })
  @IsOptional()
  @IsString()
  @MaxLength(200000)
  body?: string;
}

class TestParentDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20000)
  body: string;
}

/** A rule as the tester runs it: the fields a saved rule has, validated alike, with the name and action optional. */
export class RuleDraftDto
  extends IntersectionType(
    PickType(RuleCreateDto, ['type', 'config', 'mode', 'severity'] as const),
    PartialType(PickType(RuleCreateDto, ['action'] as const)),
  )
  implements RuleDraft
{
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

/** `POST /api/rules/test`: a pasted comment (and article, parent) against drafts or the saved rule set. */
export class RuleTestDto implements RuleTestRequest {
  @ApiProperty({ type: TestCommentDto })
  @IsDefined({ message: 'comment is required: an object with the body to test, e.g. {"comment": {"body": "…"}}' })
  @ValidateNested()
  @Type(() => TestCommentDto)
  comment: TestCommentDto;

  @ApiPropertyOptional({ type: TestArticleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TestArticleDto)
  article?: TestArticleDto;

  @ApiPropertyOptional({ type: TestParentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TestParentDto)
  parent?: TestParentDto;

  @ApiPropertyOptional({ type: [RuleDraftDto], description: 'absent: the saved enabled rules' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RuleDraftDto)
  rules?: RuleDraftDto[];
}

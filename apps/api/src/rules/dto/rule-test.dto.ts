import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RULE_TYPES, type RuleAction, type RuleDraft, type RuleMode, type RuleTestRequest, type RuleType } from '@sift/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

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

export class RuleDraftDto implements RuleDraft {
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

  @ApiProperty({ enum: RULE_TYPES })
  @IsIn(RULE_TYPES)
  type: RuleType;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  config: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ['flag', 'hide'] })
  @IsOptional()
  @IsIn(['flag', 'hide'])
  action?: RuleAction;

  @ApiPropertyOptional({ enum: ['live', 'shadow'] })
  @IsOptional()
  @IsIn(['live', 'shadow'])
  mode?: RuleMode;

  @ApiPropertyOptional({ minimum: 1, maximum: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  severity?: number;
}

/** `POST /api/rules/test`: a pasted comment (and article, parent) against drafts or the saved rule set. */
export class RuleTestDto implements RuleTestRequest {
  @ApiProperty({ type: TestCommentDto })
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

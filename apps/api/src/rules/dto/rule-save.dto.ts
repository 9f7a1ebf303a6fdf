import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { RULE_TYPES, type RuleAction, type RuleMode, type RuleSaveRequest, type RuleType } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

/** `POST /api/rules`. The config is checked against the type's zod schema in the service (errors as `config.<path>`). */
export class RuleCreateDto implements RuleSaveRequest {
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsCleanText({ multiline: false })
  name: string;

  @ApiProperty({ enum: RULE_TYPES })
  @IsIn(RULE_TYPES)
  type: RuleType;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'validated by the type (GET /api/rules/types)' })
  @IsObject()
  config: Record<string, unknown>;

  @ApiProperty({ enum: ['flag', 'hide'] })
  @IsIn(['flag', 'hide'])
  action: RuleAction;

  @ApiPropertyOptional({ enum: ['live', 'shadow'] })
  @IsOptional()
  @IsIn(['live', 'shadow'])
  mode?: RuleMode;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  severity?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  autoDemote?: boolean;
}

/** The change note a save or a roll back may carry (issue 17, item 10). */
class ChangeNoteDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'the change note of the new version, shown in the versions table' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  @IsCleanText({ multiline: false })
  note?: string;
}

/** `PUT /api/rules/:id`: any subset; `version` = the version edited (409 when someone saved meanwhile). */
export class RuleUpdateDto extends IntersectionType(PartialType(RuleCreateDto), ChangeNoteDto) {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class RollbackDto extends ChangeNoteDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

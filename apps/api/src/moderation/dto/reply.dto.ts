import { ApiProperty } from '@nestjs/swagger';
import type { ReplyRequest } from '@sift/shared';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsCleanText, trim } from '../../core/http/validators.js';

export class ReplyDto implements ReplyRequest {
  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  @IsCleanText({ multiline: true })
  body: string;
}

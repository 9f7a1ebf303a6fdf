import { ApiProperty } from '@nestjs/swagger';
import type { MyCommentsRequest } from '@sift/shared';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';
import { READER_TOKEN_PATTERN } from '../reader-token.js';

export const MAX_TOKENS = 100;

export class MyCommentsDto implements MyCommentsRequest {
  @ApiProperty({ type: [String], maxItems: MAX_TOKENS, description: 'readerToken values that intake returned' })
  @IsArray()
  @ArrayMaxSize(MAX_TOKENS)
  @IsString({ each: true })
  @Matches(READER_TOKEN_PATTERN, { each: true, message: 'each token must be a readerToken returned by intake' })
  tokens: string[];
}

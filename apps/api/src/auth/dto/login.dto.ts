import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@sift/shared';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'moderator@sift.local' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  password: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class RefreshDto {
  @ApiPropertyOptional({ description: 'the moderator used the dashboard since the last renewal (moves the idle clock)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

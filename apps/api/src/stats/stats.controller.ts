import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HomeStats } from '@sift/shared';
import { StatsService } from './stats.service.js';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('home')
  @ApiOperation({ summary: 'Queue sizes, comments per hour (24 h) and median time to a moderator decision' })
  home(): Promise<HomeStats> {
    return this.stats.home();
  }
}

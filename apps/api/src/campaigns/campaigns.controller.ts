import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CampaignDecisionResponse, CampaignDetail, CampaignRecord } from '@sift/shared';
import type { FastifyReply } from 'fastify';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { contentRange, parseListQuery } from '../core/http/list-query.js';
import { UuidPipe } from '../core/http/pipes.js';
import { CampaignsService } from './campaigns.service.js';
import { CampaignDecisionDto } from './dto/campaign-decision.dto.js';
import { CampaignKeepHidingDto } from './dto/campaign-keep-hiding.dto.js';
import { CampaignSuspensionDto } from './dto/campaign-suspension.dto.js';

/** The Campaigns queue (react-admin resource `campaigns`, issue 18). Any staff role. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('api/moderation/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @ApiOperation({ summary: 'Campaigns (clusters of 2+ near-identical comments), newest activity first; total in Content-Range' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  async list(@Query() q: { range?: string; sort?: string; filter?: string }, @Res({ passthrough: true }) res: FastifyReply): Promise<CampaignRecord[]> {
    const parsed = parseListQuery(q, { sortable: ['lastSeen'], parseFilter: () => ({}) });
    const { rows, total } = await this.campaigns.list(parsed.offset, parsed.limit);
    res.header('Content-Range', contentRange('campaigns', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign with its members, each with the passage it shares with the sample' })
  detail(@Param('id', UuidPipe) id: string): Promise<CampaignDetail> {
    return this.campaigns.detail(id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide or approve every member in one action (an audit event per comment naming the campaign)' })
  decide(@Param('id', UuidPipe) id: string, @Body() dto: CampaignDecisionDto, @CurrentUser() user: AuthUser): Promise<CampaignDecisionResponse> {
    return this.campaigns.decide(id, dto, user.id);
  }

  @Post(':id/undo')
  @HttpCode(200)
  @ApiOperation({ summary: "Undo the campaign's latest decision: each member still as it left it goes back (audited)" })
  undo(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CampaignDecisionResponse> {
    return this.campaigns.undo(id, user.id);
  }

  @Put(':id/suspension')
  @ApiOperation({ summary: 'Suspend every author of the campaign for a number of hours with a message (audited; undo with DELETE)' })
  suspend(@Param('id', UuidPipe) id: string, @Body() dto: CampaignSuspensionDto, @CurrentUser() user: AuthUser): Promise<CampaignDetail> {
    return this.campaigns.suspend(id, dto, user.id);
  }

  @Delete(':id/suspension')
  @ApiOperation({ summary: "Undo the campaign's latest suspension: each author still suspended by it gets their suspension before back (409: none)" })
  unsuspend(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CampaignDetail> {
    return this.campaigns.unsuspend(id, user.id);
  }

  @Put(':id/keep-hiding')
  @ApiOperation({ summary: 'Keep hiding the campaign: new members are hidden by the rules with the hide\'s reason (409 unless hidden); on: false stops' })
  keepHiding(@Param('id', UuidPipe) id: string, @Body() dto: CampaignKeepHidingDto, @CurrentUser() user: AuthUser): Promise<CampaignDetail> {
    return this.campaigns.keepHiding(id, dto.on, user.id);
  }
}

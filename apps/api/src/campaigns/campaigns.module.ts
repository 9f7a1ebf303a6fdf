import { Module } from '@nestjs/common';
import { AuthorsModule } from '../authors/authors.module.js';
import { ModerationModule } from '../moderation/moderation.module.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';

/** The Campaigns queue: campaigns read from the triage's signatures, decided through ModerationService, their authors suspended through AuthorsService. */
@Module({
  imports: [ModerationModule, AuthorsModule],
  controllers: [CampaignsController],
  providers: [CampaignsService],
})
export class CampaignsModule {}

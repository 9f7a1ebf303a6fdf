import { ApiProperty } from '@nestjs/swagger';
import type { CampaignKeepHidingRequest } from '@sift/shared';
import { IsBoolean } from 'class-validator';

/** Body of `PUT /api/moderation/campaigns/:id/keep-hiding`. */
export class CampaignKeepHidingDto implements CampaignKeepHidingRequest {
  @ApiProperty({ description: 'true: hide every new member with the hide\'s reason (only after a hide); false: stop' })
  @IsBoolean()
  on: boolean;
}

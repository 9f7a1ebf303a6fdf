import { PickType } from '@nestjs/swagger';
import type { CampaignDecisionRequest } from '@sift/shared';
import { DecisionDto } from '../../moderation/dto/decision.dto.js';

/** The same `action` and optional `reason` as a single decision, for every member of the campaign. */
export class CampaignDecisionDto extends PickType(DecisionDto, ['action', 'reason'] as const) implements CampaignDecisionRequest {}

import type { CampaignSuspensionRequest } from '@sift/shared';
import { AuthorSuspensionDto } from '../../authors/dto/author-suspension.dto.js';

/** The same `hours` and `message` as one author's suspension, for every author of the campaign. */
export class CampaignSuspensionDto extends AuthorSuspensionDto implements CampaignSuspensionRequest {}

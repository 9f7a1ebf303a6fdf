import type { ResourceProps } from 'react-admin';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

/** The Campaigns queue (`/api/moderation/campaigns`, issue 18): near-identical comments across authors, decided at once. */
export const campaigns = {
  name: 'campaigns',
  list: CampaignList,
  show: CampaignShow,
} satisfies ResourceProps;

import { Chip, Stack, Typography } from '@mui/material';
import type { CampaignRecord } from '@sift/shared';
import { Datagrid, DateField, FunctionField, List, NumberField } from 'react-admin';
import { Passage } from './Passage';

/** What the moderators did to the whole campaign, or how its members stand now. */
export const CampaignState = ({ campaign }: { campaign: CampaignRecord }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {campaign.decision && (
      <Chip size="small" color={campaign.decision.action === 'hide' ? 'error' : 'success'} label={campaign.decision.action === 'hide' ? 'hidden as a campaign' : 'approved as a campaign'} />
    )}
    {campaign.keepHiding && <Chip size="small" color="error" variant="outlined" label="kept hidden" data-keep-hiding />}
    {campaign.suspension && <Chip size="small" color="error" variant="outlined" label={`${campaign.suspension.authors} authors suspended`} />}
    {Object.entries(campaign.statuses).map(([status, n]) => (
      <Chip key={status} size="small" variant="outlined" label={`${n} ${status}`} data-status-count={status} />
    ))}
  </Stack>
);

/** Campaigns, newest activity first: size, authors, articles, first and last seen, the sample with its shared passage. */
export const CampaignList = () => (
  <List sort={{ field: 'lastSeen', order: 'DESC' }} perPage={25} exporter={false} title="Campaigns">
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField<CampaignRecord>
        label="Sample"
        render={(c) => (
          <Typography variant="body2" data-campaign={c.id} sx={{ maxWidth: 520 }}>
            <Passage text={c.sample.body} passage={c.sample.passage} max={220} />
          </Typography>
        )}
      />
      <NumberField source="size" label="Comments" sortable={false} />
      <FunctionField<CampaignRecord> label="Authors" render={(c) => <span title={c.authorNames.join(', ')}>{c.authors}</span>} />
      <FunctionField<CampaignRecord> label="Articles" render={(c) => <span title={c.articleIds.join(', ')}>{c.articles}</span>} />
      <DateField source="firstSeen" label="First seen" showTime sortable={false} />
      <DateField source="lastSeen" label="Last seen" showTime />
      <FunctionField<CampaignRecord> label="State" render={(c) => <CampaignState campaign={c} />} />
    </Datagrid>
  </List>
);

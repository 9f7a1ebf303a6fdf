import { Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { CampaignDetail } from '@sift/shared';
import { useState } from 'react';
import { Show, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { HideDialog } from '../comments/HideDialog';
import { StatusChip } from '../comments/StatusChip';
import type { SiftDataProvider } from '../providers/dataProvider';
import { CampaignState } from './CampaignList';
import { Passage } from './Passage';

const when = (iso: string) => new Date(iso).toLocaleString();

/** One action for the whole campaign: hide with a reason, or approve; and undo the last one. */
const CampaignActions = ({ campaign }: { campaign: CampaignDetail }) => {
  const dp = useDataProvider<SiftDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [hiding, setHiding] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (what: Promise<{ changed: number; unchanged: number }>, done: (n: number) => string) => {
    setBusy(true);
    try {
      const r = await what;
      notify(`${done(r.changed)}${r.unchanged ? ` (${r.unchanged} left as they were)` : ''}`, { type: 'info' });
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      <Button variant="contained" color="error" disabled={busy} onClick={() => setHiding(true)} data-action="campaign-hide">
        Hide all {campaign.size}
      </Button>
      <Button variant="outlined" color="success" disabled={busy} onClick={() => run(dp.campaignDecision(campaign.id, { action: 'approve' }), (n) => `${n} comments approved`)} data-action="campaign-approve">
        Approve all
      </Button>
      {campaign.decision && (
        <Button variant="text" disabled={busy} onClick={() => run(dp.campaignUndo(campaign.id), (n) => `${n} comments restored`)} data-action="campaign-undo">
          Undo {campaign.decision.action === 'hide' ? 'hide' : 'approve'}
        </Button>
      )}
      <HideDialog
        open={hiding}
        count={campaign.size}
        onClose={() => setHiding(false)}
        onHide={(reason) => {
          setHiding(false);
          void run(dp.campaignDecision(campaign.id, { action: 'hide', reason }), (n) => `${n} comments hidden`);
        }}
      />
    </Stack>
  );
};

const CampaignView = () => {
  const c = useRecordContext<CampaignDetail>();
  // Until the campaign itself arrives, react-admin shows the list's row, which has no members.
  if (!c?.members) return null;
  return (
    <Card>
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" data-campaign-summary>
            {c.size} comments from {c.authors} authors on {c.articles} articles
          </Typography>
          <Typography variant="body2" color="text.secondary">
            First seen {when(c.firstSeen)}, last seen {when(c.lastSeen)}. Authors: {c.authorNames.join(', ')}. Articles: {c.articleIds.join(', ')}.
            {c.decision && ` Last decision: ${c.decision.action} by ${c.decision.by ?? 'someone'}${c.decision.reason ? ` (${c.decision.reason})` : ''}.`}
          </Typography>
          <CampaignState campaign={c} />
          <CampaignActions campaign={c} />
          <Typography variant="body2" color="text.secondary">
            Marked: the passage each comment shares with the first one; the rest is how it differs.
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Author</TableCell>
                <TableCell>Article</TableCell>
                <TableCell>Received</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Comment</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {c.members.map((m) => (
                <TableRow key={m.id} data-member={m.id} data-status={m.status}>
                  <TableCell>{m.authorName}</TableCell>
                  <TableCell>{m.articleId}</TableCell>
                  <TableCell>{when(m.receivedAt)}</TableCell>
                  <TableCell>
                    <StatusChip status={m.status} />
                  </TableCell>
                  <TableCell>
                    <Passage text={m.body} passage={m.passage} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** One campaign: what it is, every member with its shared passage, and one decision for all. */
export const CampaignShow = () => (
  <Show component="div" title="Campaign" actions={false}>
    <CampaignView />
  </Show>
);

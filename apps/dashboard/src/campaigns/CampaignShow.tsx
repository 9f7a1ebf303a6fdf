import { Box, Button, Card, CardContent, Chip, FormControlLabel, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { CampaignDetail } from '@sift/shared';
import { useState } from 'react';
import { Show, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { SuspendDialog } from '../authors/Suspension';
import { HideDialog } from '../comments/HideDialog';
import { StatusChip } from '../comments/StatusChip';
import type { SiftDataProvider } from '../providers/dataProvider';
import { CampaignState } from './CampaignList';
import { Passage } from './Passage';

const when = (iso: string) => new Date(iso).toLocaleString();

/** Runs one campaign action with the buttons disabled meanwhile; says what it did, or why it failed; re-reads the page. */
function useCampaignAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async <T,>(what: () => Promise<T>, done: (r: T) => string) => {
    setBusy(true);
    try {
      notify(done(await what()), { type: 'info' });
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return { busy, run };
}

/** One action for the whole campaign: hide with a reason, or approve; and undo the last one. */
const CampaignActions = ({ campaign }: { campaign: CampaignDetail }) => {
  const dp = useDataProvider<SiftDataProvider>();
  const [hiding, setHiding] = useState(false);
  const { busy, run: runAction } = useCampaignAction();
  const run = (what: Promise<{ changed: number; unchanged: number }>, done: (n: number) => string) =>
    runAction(() => what, (r) => `${done(r.changed)}${r.unchanged ? ` (${r.unchanged} left as they were)` : ''}`);
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

const until = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Item 4's other actions: suspend every author of the campaign for a time (and undo that), and "keep hiding this
 * campaign" (after a hide: new members are hidden by the rules with the same reason) — with what was done so far.
 */
const CampaignAuthorsAndKeep = ({ campaign }: { campaign: CampaignDetail }) => {
  const dp = useDataProvider<SiftDataProvider>();
  const { busy, run } = useCampaignAction();
  const [suspending, setSuspending] = useState(false);
  const hidden = campaign.decision?.action === 'hide';
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {campaign.suspension ? (
          <>
            <Chip color="error" variant="outlined" size="small" data-campaign-suspended={campaign.suspension.until} label={`${campaign.suspension.authors} authors suspended until ${until(campaign.suspension.until)}`} />
            <Button size="small" disabled={busy} onClick={() => void run(() => dp.campaignUnsuspend(campaign.id), () => 'Suspension undone: each author is as before')} data-action="campaign-unsuspend">
              Undo suspension
            </Button>
          </>
        ) : (
          <Button variant="outlined" color="error" disabled={busy} onClick={() => setSuspending(true)} data-action="campaign-suspend" title="No comments from any of them for a set time; it ends by itself">
            Suspend all {campaign.authors} authors…
          </Button>
        )}
        <FormControlLabel
          control={
            <Switch
              checked={!!campaign.keepHiding}
              disabled={busy || (!hidden && !campaign.keepHiding)}
              onChange={(e) => void run(() => dp.campaignKeepHiding(campaign.id, e.target.checked), (c) => (c.keepHiding ? 'New comments joining this campaign will be hidden' : 'No longer kept hidden'))}
              slotProps={{ input: { 'aria-describedby': 'keep-hiding-help' } }}
              data-action="campaign-keep-hiding"
            />
          }
          label="Keep hiding this campaign"
        />
        <Typography id="keep-hiding-help" variant="caption" color="text.secondary">
          {hidden || campaign.keepHiding ? 'New comments that join it are hidden by the rules, with the same reason.' : 'Hide the campaign first.'}
        </Typography>
      </Stack>
      {campaign.actions.length > 0 && (
        <Box component="ol" sx={{ m: 0, pl: 2.5 }} aria-label="Actions on the whole campaign">
          {campaign.actions.map((a) => (
            <Typography component="li" variant="body2" key={`${a.kind}-${a.at}`} data-campaign-action={a.kind}>
              {a.summary} — {a.by ?? 'someone'}, {when(a.at)}
            </Typography>
          ))}
        </Box>
      )}
      <SuspendDialog
        open={suspending}
        title={`Suspend all ${campaign.authors} authors`}
        intro={`None of them can post until the time is up (${campaign.authorNames.join(', ')}${campaign.authors > campaign.authorNames.length ? ', …' : ''}); it ends by itself, and Undo puts each back as before.`}
        busy={busy}
        onClose={() => setSuspending(false)}
        onSuspend={(req) => {
          setSuspending(false);
          void run(() => dp.campaignSuspend(campaign.id, req), (c) => `${c.suspension?.authors ?? campaign.authors} authors suspended`);
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
          <CampaignAuthorsAndKeep campaign={c} />
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

import { Alert, Box, Button, Card, CardContent, LinearProgress, List, ListItem, ListItemText, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { type BacktestExample, type BacktestRecord, type BacktestSide, hideReasonsConfirming, type RuleType } from '@sift/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-admin';
import { errorText, pct, rulesApi } from './api';

const running = (b: BacktestRecord | null | undefined) => b?.status === 'queued' || b?.status === 'running';

const quoted = (reasons: readonly string[]) => reasons.map((r) => `“${r}”`).join(' or ');

/** What counts as "should be caught" for this rule type (libs/shared HIDE_REASON_RULE_TYPES), in words. */
export function labelsText(type: RuleType): string {
  const reasons = hideReasonsConfirming(type);
  if (reasons === 'any') return 'Every comment a moderator hid should be caught (a list of words or authors can be about anything); every approved one should pass.';
  if (reasons.length === 0) {
    return 'No hide reason names what this rule catches, so hidden comments are left out: the backtest shows what it would flag among approved comments (which should pass).';
  }
  return `Hidden as ${quoted(reasons)} = should be caught; approved = should pass. Comments hidden for any other reason, or none, are left out: they are not this rule's misses.`;
}

/** Backtest the draft against past moderator decisions, with progress, cancel, and the results side by side. */
export const BacktestPanel = ({ ruleId, type, config }: { ruleId: string; type: RuleType; config: Record<string, unknown> }) => {
  const [limit, setLimit] = useState(1000);
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const history = useQuery({ queryKey: ['backtests', ruleId], queryFn: () => rulesApi.backtests(ruleId) });
  const current = useQuery({
    queryKey: ['backtest', runId],
    queryFn: () => rulesApi.backtest(runId!),
    enabled: runId !== null,
    refetchInterval: (q) => (running(q.state.data) || !q.state.data ? 300 : false),
  });
  const shown = current.data ?? history.data?.[0] ?? null;
  useEffect(() => {
    if (current.data && !running(current.data)) void qc.invalidateQueries({ queryKey: ['backtests', ruleId] });
  }, [current.data, qc, ruleId]);

  const start = async () => {
    try {
      setError(null);
      const b = await rulesApi.startBacktest(ruleId, { config, limit });
      qc.setQueryData(['backtest', b.id], b);
      setRunId(b.id);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Card data-panel="backtest">
      <CardContent>
        <Typography variant="h6">Backtest</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-backtest-labels>
          The draft and the saved version over the most recent comments a moderator decided. {labelsText(type)}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField size="small" type="number" label="Last N decided comments" name="backtest.limit" sx={{ width: 220 }} value={limit} onChange={(e) => setLimit(Number(e.target.value))} />
          <Button variant="contained" sx={{ whiteSpace: 'nowrap' }} onClick={() => void start()} disabled={running(shown)}>
            Run backtest
          </Button>
          {running(shown) && shown && (
            <Button color="warning" onClick={() => void rulesApi.cancelBacktest(shown.id).then(() => current.refetch())}>
              Cancel
            </Button>
          )}
        </Stack>
        {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        {shown && (
          <Box sx={{ mt: 2 }} data-backtest-progress={shown.progress} data-backtest-status={shown.status}>
            <Typography variant="body2">
              {shown.status === 'queued' ? 'Queued…' : shown.status === 'running' ? `Running… ${shown.progress} %` : `${shown.status} — ${shown.progress} %`}
            </Typography>
            <LinearProgress variant={shown.status === 'queued' ? 'indeterminate' : 'determinate'} value={shown.progress} />
          </Box>
        )}
        {shown && !running(shown) && <BacktestResultView b={shown} />}
        {(history.data?.length ?? 0) > 1 && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle2">Earlier backtests</Typography>
            <List dense>
              {history.data!.slice(0, 10).map((b) => (
                <ListItem key={b.id} component="div" onClick={() => setRunId(b.id)} sx={{ cursor: 'pointer' }}>
                  <ListItemText
                    primary={`${new Date(b.createdAt).toLocaleString()} — ${b.label} vs v${b.currentVersion}: ${b.status}`}
                    secondary={b.result ? `precision ${pct(b.result.draft.precision)}, recall ${pct(b.result.draft.recall)}, ${b.result.comments} comments` : b.error}
                  />
                </ListItem>
              ))}
            </List>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

const Side = ({ title, s }: { title: string; s: BacktestSide }) => (
  <TableRow>
    <TableCell>{title}</TableCell>
    <TableCell align="right">{s.matrix.truePositive}</TableCell>
    <TableCell align="right">{s.matrix.falsePositive}</TableCell>
    <TableCell align="right">{s.matrix.falseNegative}</TableCell>
    <TableCell align="right">{s.matrix.trueNegative}</TableCell>
    <TableCell align="right" data-metric="precision">{pct(s.precision)}</TableCell>
    <TableCell align="right" data-metric="recall">{pct(s.recall)}</TableCell>
    <TableCell align="right">{pct(s.f1)}</TableCell>
  </TableRow>
);

const Examples = ({ title, count, examples, kind }: { title: string; count: number; examples: BacktestExample[]; kind: string }) => (
  <Box sx={{ flex: 1 }} data-examples={kind}>
    <Typography variant="subtitle2">
      {title}: {count}
    </Typography>
    <List dense>
      {examples.map((e) => (
        <ListItem key={e.id} disableGutters>
          <ListItemText
            primary={<Link to={`/comments/${e.id}/show`}>{e.excerpt}</Link>}
            secondary={`a moderator ${e.decided === 'hidden' ? 'hid' : 'approved'} it`}
          />
        </ListItem>
      ))}
    </List>
  </Box>
);

const BacktestResultView = ({ b }: { b: BacktestRecord }) => {
  if (b.status !== 'done' || !b.result) return <Alert severity={b.status === 'cancelled' ? 'info' : 'error'} sx={{ mt: 2 }}>Backtest {b.status}{b.error ? `: ${b.error}` : ''}</Alert>;
  const r = b.result;
  return (
    <Box sx={{ mt: 2 }} data-backtest-result>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {r.comments.toLocaleString()} decided {r.comments === 1 ? 'comment' : 'comments'} in {(r.durationMs / 1000).toFixed(2)} s — {b.label} vs saved v{b.currentVersion}
        {r.draft.errors > 0 && `, ${r.draft.errors} rule errors (counted as not caught)`}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">Caught, hidden (TP)</TableCell>
            <TableCell align="right">Caught, approved (FP)</TableCell>
            <TableCell align="right">Missed, hidden (FN)</TableCell>
            <TableCell align="right">Passed, approved (TN)</TableCell>
            <TableCell align="right">Precision</TableCell>
            <TableCell align="right">Recall</TableCell>
            <TableCell align="right">F1</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <Side title={b.label === 'draft' ? 'Draft' : b.label} s={r.draft} />
          <Side title={`Saved v${b.currentVersion}`} s={r.current} />
        </TableBody>
      </Table>
      {r.excluded && r.excluded.count > 0 && (
        <Alert severity="info" sx={{ mt: 2 }} data-backtest-excluded={r.excluded.count}>
          {r.excluded.count.toLocaleString()} hidden {r.excluded.count === 1 ? 'comment was' : 'comments were'} left out: the reason a moderator
          gave is not one this rule type catches ({r.excluded.byReason.map((x) => `${x.reason === null ? 'no reason' : `“${x.reason}”`}: ${x.count}`).join(', ')}).
        </Alert>
      )}
      <Stack direction="row" spacing={3} sx={{ mt: 2 }}>
        <Examples title="Would newly flag" count={r.newlyFlagged.count} examples={r.newlyFlagged.examples} kind="newly-flagged" />
        <Examples title="Would stop flagging" count={r.noLongerFlagged.count} examples={r.noLongerFlagged.examples} kind="no-longer-flagged" />
      </Stack>
    </Box>
  );
};

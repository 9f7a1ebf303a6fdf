import WarningIcon from '@mui/icons-material/WarningAmber';
import { Alert, Box, Button, Card, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useNotify } from 'react-admin';
import { AdminOnly } from './AdminOnly';
import { errorText, pct, rulesApi } from './api';

/** Every rule with its 7-day hits and override rate; a warning where moderators keep overruling a live rule. */
const RuleTable = () => {
  const { data, error, isPending } = useQuery({ queryKey: ['rules'], queryFn: rulesApi.list });
  const notify = useNotify();
  const [retriage, setRetriage] = useState<{ id: string; progress: number; status: string } | null>(null);

  const startRetriage = async () => {
    try {
      let run = await rulesApi.startRetriage();
      setRetriage(run);
      while (run.status === 'queued' || run.status === 'running') {
        await new Promise((r) => setTimeout(r, 500));
        run = await rulesApi.retriage(run.id);
        setRetriage(run);
      }
      notify(run.status === 'done' ? `Re-triage done: ${run.result?.examined} examined, ${run.result?.changed} changed` : `Re-triage ${run.status}`, {
        type: run.status === 'done' ? 'success' : 'warning',
      });
    } catch (err) {
      notify(errorText(err), { type: 'error' });
    }
  };

  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{errorText(error)}</Alert>;
  return (
    <Card sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} sx={{ p: 2, alignItems: 'center' }}>
        <Typography variant="h6" sx={{ flex: 1 }}>
          Rules
        </Typography>
        {retriage && (retriage.status === 'queued' || retriage.status === 'running') && (
          <Box sx={{ width: 200 }} data-retriage-progress={retriage.progress}>
            <LinearProgress variant="determinate" value={retriage.progress} />
          </Box>
        )}
        <Button variant="contained" component={Link} to="/rules/create">
          New rule
        </Button>
        <Tooltip title="Re-run the current rules over the last 7 days of comments no moderator decided (human decisions are never changed)">
          <Button variant="outlined" onClick={() => void startRetriage()}>
            Re-triage
          </Button>
        </Tooltip>
      </Stack>
      <Table size="small" data-rules-table>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Mode</TableCell>
            <TableCell>Enabled</TableCell>
            <TableCell align="right">Version</TableCell>
            <TableCell align="right">Hits (7 d)</TableCell>
            <TableCell align="right">Overridden (7 d)</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((r) => (
            <TableRow key={r.id} hover data-rule-row={r.type}>
              <TableCell>
                <Link to={`/rules/${r.id}`}>{r.name}</Link>
              </TableCell>
              <TableCell>{r.type}</TableCell>
              <TableCell>{r.action}</TableCell>
              <TableCell>{r.mode === 'shadow' ? <Chip size="small" label="shadow" /> : 'live'}</TableCell>
              <TableCell>{r.enabled ? 'yes' : 'no'}</TableCell>
              <TableCell align="right">v{r.version}</TableCell>
              <TableCell align="right">{r.hits7d}</TableCell>
              <TableCell align="right">
                {r.overrideWarning && (
                  <Tooltip title={`Moderators approved ${pct(r.overrideRate7d)} of ${r.decided7d} decided hits${r.autoDemote ? ' (auto-demote on)' : ''}`}>
                    <WarningIcon color="warning" fontSize="small" sx={{ verticalAlign: 'middle', mr: 0.5 }} data-override-warning />
                  </Tooltip>
                )}
                {pct(r.overrideRate7d)} {r.decided7d > 0 && <Typography component="span" variant="caption">of {r.decided7d}</Typography>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};

export const RuleList = () => (
  <AdminOnly what="Rules">
    <Title title="Rules" />
    <RuleTable />
  </AdminOnly>
);

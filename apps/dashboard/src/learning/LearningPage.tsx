import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, List, ListItem, ListItemText, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { AgreementExample, LearnedModelAgreement, LearnedModelRecord, LearnedNgram, Role } from '@sift/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, Link, Title, useNotify, usePermissions } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorText, pct } from '../rules/api';
import { learnedApi } from './api';

const KEY = ['learned-models'];
const num = (n: number | null | undefined, digits = 3) => (n === null || n === undefined ? '—' : n.toFixed(digits));
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
const hasModel = (m: LearnedModelRecord) => m.status === 'shadow' || m.status === 'promoted' || m.status === 'retired';

const STATUS_COLOR: Record<LearnedModelRecord['status'], 'success' | 'info' | 'default' | 'warning' | 'error'> = {
  promoted: 'success',
  shadow: 'info',
  training: 'warning',
  retired: 'default',
  no_model: 'default',
  failed: 'error',
};
const StatusChip = ({ m }: { m: LearnedModelRecord }) => (
  <Chip size="small" component="span" color={STATUS_COLOR[m.status]} label={m.status === 'no_model' ? 'no model' : m.status} data-status-chip={m.status} />
);

/**
 * Learning (issue 15, item 9): the site's insult model versions with training size and cross-validated AUC/F1, the
 * selected version's learning curve, its strongest n-grams and its shadow agreement with the live decision; admins
 * retrain (with progress), promote and roll back, each confirmed. Moderators read.
 */
export const LearningPage = () => {
  const { permissions } = usePermissions<Role>();
  const isAdmin = permissions === 'admin';
  const qc = useQueryClient();
  const notify = useNotify();
  const versions = useQuery({
    queryKey: KEY,
    queryFn: learnedApi.list,
    refetchInterval: (q) => (q.state.data?.some((m) => m.status === 'training') ? 400 : false),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'rollback' | 'promote' | null>(null);
  const [busy, setBusy] = useState(false);
  const list = versions.data ?? [];
  const promoted = list.find((m) => m.status === 'promoted') ?? null;
  const training = list.find((m) => m.status === 'training') ?? null;
  const selected = list.find((m) => m.id === selectedId) ?? list.find((m) => m.status === 'shadow') ?? promoted ?? list[0] ?? null;

  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      notify(done, { type: 'success' });
    } catch (err) {
      notify(errorText(err), { type: 'error' });
    } finally {
      setBusy(false);
      setConfirm(null);
      await qc.invalidateQueries({ queryKey: KEY });
      await qc.invalidateQueries({ queryKey: ['learned-agreement'] });
    }
  };
  const retrain = () =>
    act(async () => {
      const m = await learnedApi.retrain();
      setSelectedId(m.id);
    }, 'Retraining: the new version starts in shadow');

  return (
    <Box sx={{ p: 2 }} data-page="learning">
      <Title title="Learning" />
      <Card variant="outlined" data-panel="live-model" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="overline" color="text.secondary" component="h2">
            Live insult decision
          </Typography>
          <Typography variant="h6" data-live-model={promoted?.version ?? 'lexicon'}>
            {promoted ? `Site model v${promoted.version} with the lexicon` : 'The lexicon alone (day 0)'}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {promoted
              ? `Promoted ${when(promoted.promotedAt)}${promoted.promotedBy ? ` by ${promoted.promotedBy}` : ' by the retrain (auto-promotion)'}; trained on ${promoted.labels} decisions.`
              : 'No learned model is promoted: the insult rule decides with its word lists. Moderators’ decisions train new versions; each starts in shadow.'}
          </Typography>
          {isAdmin ? (
            <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
              <Button variant="contained" onClick={() => void retrain()} disabled={busy || training !== null}>
                Retrain now
              </Button>
              <Button color="warning" variant="outlined" onClick={() => setConfirm('rollback')} disabled={busy || !promoted}>
                Roll back
              </Button>
            </Stack>
          ) : (
            <Alert severity="info" sx={{ mt: 2 }} data-read-only>
              Admins retrain, promote and roll back; moderators can read this page.
            </Alert>
          )}
          {training && (
            <Box sx={{ mt: 2 }} data-training-progress={training.progress}>
              <Typography variant="body2">
                Training v{training.version}… {training.progress} %
              </Typography>
              <LinearProgress variant="determinate" value={training.progress} />
            </Box>
          )}
        </CardContent>
      </Card>

      <Card variant="outlined" data-panel="versions" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="overline" color="text.secondary" component="h2">
            Versions
          </Typography>
          {list.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No version yet.
            </Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Version</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell>Trained</TableCell>
                  <TableCell align="right">Decisions (insults)</TableCell>
                  <TableCell align="right">CV AUC</TableCell>
                  <TableCell align="right">CV F1</TableCell>
                  <TableCell align="right">Lexicon AUC / F1</TableCell>
                  <TableCell align="right">Threshold</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.map((m) => (
                  <TableRow
                    key={m.id}
                    hover
                    selected={m.id === selected?.id}
                    onClick={() => setSelectedId(m.id)}
                    sx={{ cursor: 'pointer' }}
                    data-version-row={m.version}
                    data-status={m.status}
                  >
                    <TableCell>v{m.version}</TableCell>
                    <TableCell>
                      <StatusChip m={m} />
                    </TableCell>
                    <TableCell>{m.status === 'training' ? `${m.progress} %` : when(m.finishedAt)}</TableCell>
                    <TableCell align="right">{m.labels === null ? '—' : `${m.labels} (${m.positives})`}</TableCell>
                    <TableCell align="right" data-metric="auc">
                      {num(m.metrics?.auc)}
                    </TableCell>
                    <TableCell align="right" data-metric="f1">
                      {num(m.metrics?.f1)}
                    </TableCell>
                    <TableCell align="right">
                      {num(m.metrics?.lexiconAuc)} / {num(m.metrics?.lexiconF1)}
                    </TableCell>
                    <TableCell align="right">{num(m.threshold)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      {selected && <VersionDetail m={selected} live={promoted} isAdmin={isAdmin} busy={busy} onPromote={() => setConfirm('promote')} />}

      <Confirm
        isOpen={confirm === 'promote' && selected !== null}
        title={`Promote v${selected?.version}?`}
        content={`From the next comment, every worker decides insults with v${selected?.version} stacked with the lexicon${promoted ? `; v${promoted.version} is retired (roll back brings it back)` : ''}.`}
        confirm="Promote"
        onConfirm={() => void act(() => learnedApi.promote(selected!.id), `v${selected?.version} promoted`)}
        onClose={() => setConfirm(null)}
        loading={busy}
      />
      <Confirm
        isOpen={confirm === 'rollback'}
        title={`Roll back v${promoted?.version}?`}
        content="The version promoted before it comes back; with none, the insult rule decides with the lexicon alone (day 0). From the next comment."
        confirm="Roll back"
        confirmColor="warning"
        onConfirm={() => void act(() => learnedApi.rollback(), 'Rolled back')}
        onClose={() => setConfirm(null)}
        loading={busy}
      />
    </Box>
  );
};

const VersionDetail = ({ m, live, isAdmin, busy, onPromote }: { m: LearnedModelRecord; live: LearnedModelRecord | null; isAdmin: boolean; busy: boolean; onPromote: () => void }) => (
  <Card variant="outlined" data-panel="version" data-version={m.version} data-status={m.status}>
    <CardContent>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          v{m.version}
        </Typography>
        <StatusChip m={m} />
        <Typography variant="body2" color="text.secondary">
          {m.trigger === 'nightly' ? 'scheduled retrain' : 'retrained on demand'} · {when(m.createdAt)}
        </Typography>
      </Stack>
      {m.error && (
        <Alert severity={m.status === 'failed' ? 'error' : 'info'} sx={{ mb: 2 }} data-version-error>
          {m.status === 'no_model' ? `No model: ${m.error}. The lexicon keeps deciding.` : m.error}
        </Alert>
      )}
      {m.promotionNote && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {m.promotionNote}
        </Typography>
      )}
      {m.metrics && (
        <Typography variant="body2" sx={{ mb: 2 }} data-metrics>
          Trained on {m.labels} decisions ({m.positives} insults{m.weakNegatives ? `, plus ${m.weakNegatives} weak negatives` : ''}). {m.metrics.folds}-fold cross-validation: AUC{' '}
          {num(m.metrics.auc)}, F1 {num(m.metrics.f1)} (precision {pct(m.metrics.precision)}, recall {pct(m.metrics.recall)}) at threshold {num(m.threshold)}; the lexicon
          alone on the same decisions: AUC {num(m.metrics.lexiconAuc)}, F1 {num(m.metrics.lexiconF1)}.
        </Typography>
      )}
      {hasModel(m) && (
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} useFlexGap>
          <Box sx={{ flex: 1, minWidth: 0 }} data-panel="learning-curve">
            <Typography variant="subtitle2">Learning curve (held-out AUC by training size)</Typography>
            {m.curve.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                Too few decisions to hold some out for a curve.
              </Typography>
            ) : (
              <ResponsiveContainer width="100%" height={220}>
                <LineChart data={m.curve}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="size" />
                  <YAxis domain={[0.5, 1]} tickFormatter={(v: number) => v.toFixed(2)} />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
                  <Legend />
                  <Line type="monotone" dataKey="auc" name="learned + lexicon" stroke="#1976d2" isAnimationActive={false} />
                  <Line type="monotone" dataKey="lexiconAuc" name="lexicon alone" stroke="#9e9e9e" strokeDasharray="4 4" isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            )}
          </Box>
          <Ngrams m={m} />
        </Stack>
      )}
      {hasModel(m) && m.status !== 'promoted' && <AgreementPanel m={m} live={live} isAdmin={isAdmin} busy={busy} onPromote={onPromote} />}
    </CardContent>
  </Card>
);

const NgramList = ({ title, grams, kind }: { title: string; grams: LearnedNgram[]; kind: string }) => (
  <Box sx={{ flex: 1, minWidth: 0 }} data-ngrams={kind}>
    <Typography variant="subtitle2">{title}</Typography>
    <List dense disablePadding>
      {grams.slice(0, 10).map((g) => (
        <ListItem key={g.text} disableGutters data-ngram={g.text}>
          <ListItemText
            primary={
              <>
                <Box component="mark" sx={{ bgcolor: kind === 'positive' ? 'warning.light' : 'success.light', color: 'common.black', borderRadius: 0.5, px: 0.5 }}>
                  {g.text}
                </Box>{' '}
                {g.weight > 0 ? '+' : ''}
                {g.weight.toFixed(2)}
              </>
            }
            secondary={`in ${g.docs} decisions`}
          />
        </ListItem>
      ))}
    </List>
  </Box>
);

const Ngrams = ({ m }: { m: LearnedModelRecord }) => (
  <Box sx={{ flex: 1, minWidth: 0 }} data-panel="ngrams">
    {m.metrics?.ngrams ? (
      <Stack direction="row" spacing={2}>
        <NgramList title="Push towards insult" grams={m.metrics.ngrams.positive} kind="positive" />
        <NgramList title="Push towards civil" grams={m.metrics.ngrams.negative} kind="negative" />
      </Stack>
    ) : (
      <Typography variant="body2" color="text.secondary">
        This version was trained before Sift recorded its strongest n-grams: retrain to see them.
      </Typography>
    )}
    <Typography variant="caption" color="text.secondary">
      Mean share of a comment’s learned log-odds over the training decisions (the card’s “learned: … +0.80” units).
    </Typography>
  </Box>
);

const Examples = ({ title, count, examples, kind }: { title: string; count: number; examples: AgreementExample[]; kind: string }) => (
  <Box sx={{ flex: 1, minWidth: 0 }} data-examples={kind} data-count={count}>
    <Typography variant="subtitle2">
      {title}: {count}
    </Typography>
    <List dense>
      {examples.map((e) => (
        <ListItem key={e.id} disableGutters data-example={e.id}>
          <ListItemText
            primary={<Link to={`/comments/${e.id}/show`}>{e.excerpt}</Link>}
            secondary={`this version ${e.candidateScore.toFixed(2)} · live ${e.liveScore.toFixed(2)} · ${e.status}`}
          />
        </ListItem>
      ))}
    </List>
  </Box>
);

const AgreementPanel = ({ m, live, isAdmin, busy, onPromote }: { m: LearnedModelRecord; live: LearnedModelRecord | null; isAdmin: boolean; busy: boolean; onPromote: () => void }) => {
  const agreement = useQuery<LearnedModelAgreement>({ queryKey: ['learned-agreement', m.id, live?.id ?? null], queryFn: () => learnedApi.agreement(m.id) });
  const a = agreement.data;
  const liveName = live ? `v${live.version}` : 'the lexicon alone';
  return (
    <Box sx={{ mt: 2 }} data-panel="agreement">
      <Typography variant="subtitle2">Shadow agreement with the live decision ({liveName})</Typography>
      {agreement.isPending && <LinearProgress sx={{ my: 1 }} />}
      {agreement.error && <Alert severity="error">{errorText(agreement.error)}</Alert>}
      {a && (
        <>
          <Typography variant="body2" sx={{ my: 1 }} data-agreement-summary>
            Over the {a.comments.toLocaleString()} comments of the last {a.days} days, v{a.version} would flag <b>{a.moreFlagged.count} more</b> and{' '}
            <b>{a.fewerFlagged.count} fewer</b> than {liveName}; both flag {a.bothFlag}, they agree on {pct(a.agreement)}.
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
            <Examples title="Would newly flag" count={a.moreFlagged.count} examples={a.moreFlagged.examples} kind="more" />
            <Examples title="Would stop flagging" count={a.fewerFlagged.count} examples={a.fewerFlagged.examples} kind="fewer" />
          </Stack>
        </>
      )}
      {isAdmin && (
        <Button variant="contained" color="success" sx={{ mt: 1 }} onClick={onPromote} disabled={busy || !a}>
          Promote v{m.version}
        </Button>
      )}
    </Box>
  );
};

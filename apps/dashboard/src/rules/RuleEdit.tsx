import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { RuleAction, RuleAdminRecord, RuleDraft, RuleMode } from '@sift/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useNotify, useParams, useRedirect } from 'react-admin';
import { AdminOnly } from './AdminOnly';
import { errorText, fieldErrors, pct, rulesApi } from './api';
import { BacktestPanel } from './BacktestPanel';
import { QualityPanel } from './QualityPanel';
import { RuleTester } from './RuleTester';
import { SchemaForm } from './SchemaForm';
import { VersionsPanel } from './VersionsPanel';

interface Draft {
  name: string;
  action: RuleAction;
  mode: RuleMode;
  enabled: boolean;
  severity: number;
  autoDemote: boolean;
  config: Record<string, unknown>;
}

const draftOf = (r: RuleAdminRecord): Draft => ({
  name: r.name,
  action: r.action,
  mode: r.mode,
  enabled: r.enabled,
  severity: r.severity,
  autoDemote: r.autoDemote,
  config: r.config,
});

/** One rule: the form generated from its type's schema, the tester, backtests, versions and quality. */
const RuleEditor = ({ id }: { id: string }) => {
  const qc = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  const rule = useQuery({ queryKey: ['rule', id], queryFn: () => rulesApi.get(id) });
  const types = useQuery({ queryKey: ['rule-types'], queryFn: rulesApi.types, staleTime: Infinity });
  const versions = useQuery({ queryKey: ['rule-versions', id], queryFn: () => rulesApi.versions(id) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (rule.data) setDraft(draftOf(rule.data));
  }, [rule.data]);

  const reload = async (saved: RuleAdminRecord) => {
    qc.setQueryData(['rule', id], saved);
    setDraft(draftOf(saved));
    setErrors({});
    await Promise.all([qc.invalidateQueries({ queryKey: ['rule-versions', id] }), qc.invalidateQueries({ queryKey: ['rules'] })]);
  };

  const save = async () => {
    if (!draft || !rule.data) return;
    setSaving(true);
    try {
      const saved = await rulesApi.save(id, { ...draft, version: rule.data.version });
      await reload(saved);
      notify(`Saved as version ${saved.version}`, { type: 'success' });
    } catch (err) {
      const fields = fieldErrors(err);
      if (fields) setErrors(fields);
      notify(errorText(err), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!rule.data || !window.confirm(`Delete the rule "${rule.data.name}"? It stops running; its history and past flags are kept.`)) return;
    try {
      await rulesApi.remove(id);
      await qc.invalidateQueries({ queryKey: ['rules'] });
      notify(`Deleted "${rule.data.name}"`, { type: 'success' });
      redirect('list', 'rules');
    } catch (err) {
      notify(errorText(err), { type: 'error' });
    }
  };

  const rollback = async (version: number) => {
    try {
      const saved = await rulesApi.rollback(id, version);
      await reload(saved);
      notify(`Rolled back to version ${version} (saved as version ${saved.version})`, { type: 'success' });
    } catch (err) {
      notify(errorText(err), { type: 'error' });
    }
  };

  if (rule.error) return <Alert severity="error">{errorText(rule.error)}</Alert>;
  if (!rule.data || !types.data || !draft) return <LinearProgress />;
  const r = rule.data;
  const type = types.data.find((t) => t.type === r.type);
  const testDraft: RuleDraft = { id: r.id, name: draft.name, type: r.type, config: draft.config, action: draft.action, mode: draft.mode, severity: draft.severity };
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(r));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title={`Rule: ${r.name}`} />
      <Card data-panel="rule-form">
        <CardContent>
          <Typography variant="h6">
            {r.name} <Typography component="span" color="text.secondary">— {r.type}, version {r.version}</Typography>
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {type?.description} {type?.usesHistory && '(reads the author’s history: the tester and backtests judge each comment alone)'}
          </Typography>
          {r.overrideWarning && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              Moderators approved {pct(r.overrideRate7d)} of this rule’s {r.decided7d} decided hits in the last 7 days.
            </Alert>
          )}
          <Stack spacing={2}>
            <TextField size="small" label="Name" name="name" value={draft.name} error={Boolean(errors.name)} helperText={errors.name?.join(', ')} onChange={(e) => set('name', e.target.value)} />
            <Stack direction="row" spacing={2}>
              <TextField select size="small" label="Action" name="action" value={draft.action} onChange={(e) => set('action', e.target.value as RuleAction)} sx={{ minWidth: 140 }}>
                <MenuItem value="flag">flag</MenuItem>
                <MenuItem value="hide">hide</MenuItem>
              </TextField>
              <TextField select size="small" label="Mode" name="mode" value={draft.mode} onChange={(e) => set('mode', e.target.value as RuleMode)} sx={{ minWidth: 140 }}>
                <MenuItem value="live">live</MenuItem>
                <MenuItem value="shadow">shadow (record only)</MenuItem>
              </TextField>
              <TextField select size="small" label="Severity" name="severity" value={draft.severity} onChange={(e) => set('severity', Number(e.target.value))} sx={{ minWidth: 120 }}>
                {[1, 2, 3].map((n) => (
                  <MenuItem key={n} value={n}>
                    {n}
                  </MenuItem>
                ))}
              </TextField>
              <FormControlLabel control={<Checkbox name="enabled" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />} label="Enabled" />
              <FormControlLabel
                control={<Checkbox name="autoDemote" checked={draft.autoDemote} onChange={(e) => set('autoDemote', e.target.checked)} />}
                label="Auto-demote hide → flag when overruled"
              />
            </Stack>
            <Typography variant="subtitle2">Configuration</Typography>
            {type && <SchemaForm schema={type.schema} value={draft.config} onChange={(config) => set('config', config)} errors={errors} />}
            <Box>
              <Button variant="contained" onClick={() => void save()} disabled={saving || !dirty}>
                Save as version {r.version + 1}
              </Button>
              <Button sx={{ ml: 1 }} disabled={!dirty} onClick={() => { setDraft(draftOf(r)); setErrors({}); }}>
                Discard changes
              </Button>
              <Button sx={{ ml: 1 }} color="error" onClick={() => void remove()}>
                Delete rule
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
      <RuleTester draft={testDraft} />
      <BacktestPanel ruleId={r.id} type={r.type} config={draft.config} />
      {versions.data && <VersionsPanel versions={versions.data} current={r.version} onRollback={(v) => void rollback(v)} />}
      <QualityPanel ruleId={r.id} />
    </Stack>
  );
};

export const RuleEdit = () => {
  const { id } = useParams<{ id: string }>();
  return <AdminOnly what="Rules">{id && <RuleEditor id={id} />}</AdminOnly>;
};

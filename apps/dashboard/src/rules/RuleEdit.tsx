import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import type { RuleAction, RuleAdminRecord, RuleDraft, RuleMode } from '@sift/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useNotify, useParams, useRedirect } from 'react-admin';
import { AdminOnly } from './AdminOnly';
import { errorText, fieldErrors, pct, rulesApi } from './api';
import { BacktestPanel } from './BacktestPanel';
import { ChangeNoteDialog } from './ChangeNoteDialog';
import { QualityPanel } from './QualityPanel';
import { RuleTester } from './RuleTester';
import { ActionField, CheckField, ModeField, NameField, SeverityField } from './RuleFields';
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
  /** What waits for its confirmation and change note: a save, or a roll back to a version. */
  const [confirming, setConfirming] = useState<null | { save: true } | { rollback: number }>(null);

  useEffect(() => {
    if (rule.data) setDraft(draftOf(rule.data));
  }, [rule.data]);

  const reload = async (saved: RuleAdminRecord) => {
    qc.setQueryData(['rule', id], saved);
    setDraft(draftOf(saved));
    setErrors({});
    await Promise.all([qc.invalidateQueries({ queryKey: ['rule-versions', id] }), qc.invalidateQueries({ queryKey: ['rules'] })]);
  };

  const save = async (note: string) => {
    if (!draft || !rule.data) return;
    setSaving(true);
    try {
      const saved = await rulesApi.save(id, { ...draft, version: rule.data.version, note });
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

  const rollback = async (version: number, note: string) => {
    try {
      const saved = await rulesApi.rollback(id, version, note);
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
            {r.name} <Typography component="span" color="text.secondary">— {type?.label ?? r.type}, version {r.version}</Typography>
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
            <NameField value={draft.name} error={errors.name} onChange={(v) => set('name', v)} />
            <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <ActionField value={draft.action} onChange={(v) => set('action', v)} />
              <ModeField value={draft.mode} onChange={(v) => set('mode', v)} />
              <SeverityField value={draft.severity} onChange={(v) => set('severity', v)} />
            </Stack>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <CheckField name="enabled" label="Enabled" help="Off: the rule does not run at all." checked={draft.enabled} onChange={(v) => set('enabled', v)} />
              <CheckField
                name="autoDemote"
                label="Auto-demote hide → flag when overruled"
                help="When moderators approve too many of its hides (Settings), it flags instead."
                checked={draft.autoDemote}
                onChange={(v) => set('autoDemote', v)}
              />
            </Stack>
            <Typography variant="subtitle2">Configuration</Typography>
            {type && <SchemaForm schema={type.schema} value={draft.config} onChange={(config) => set('config', config)} errors={errors} />}
            <Box>
              <Button variant="contained" onClick={() => setConfirming({ save: true })} disabled={saving || !dirty}>
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
      {versions.data && <VersionsPanel versions={versions.data} current={r.version} onRollback={(v) => setConfirming({ rollback: v })} />}
      <ChangeNoteDialog
        title={confirming === null ? null : 'save' in confirming ? `Save as version ${r.version + 1}?` : `Roll back to v${confirming.rollback}?`}
        mode={draft.mode}
        enabled={draft.enabled}
        onClose={() => setConfirming(null)}
        onConfirm={(note) => {
          setConfirming(null);
          if (confirming && 'rollback' in confirming) void rollback(confirming.rollback, note);
          else void save(note);
        }}
      />
      <QualityPanel ruleId={r.id} />
    </Stack>
  );
};

export const RuleEdit = () => {
  const { id } = useParams<{ id: string }>();
  return <AdminOnly what="Rules">{id && <RuleEditor id={id} />}</AdminOnly>;
};

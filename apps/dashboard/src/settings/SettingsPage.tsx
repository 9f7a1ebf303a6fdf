import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import type { SiteSettingsRecord } from '@sift/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { AdminOnly } from '../rules/AdminOnly';
import { errorText, fieldErrors, rulesApi } from '../rules/api';

/** Site moderation settings (versioned): auto-approve, pre-moderate, and the quality-watch levels. */
const SettingsForm = () => {
  const qc = useQueryClient();
  const notify = useNotify();
  const { data } = useQuery({ queryKey: ['settings'], queryFn: rulesApi.settings });
  const [draft, setDraft] = useState<SiteSettingsRecord | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  useEffect(() => setDraft(data ?? null), [data]);
  if (!draft) return <LinearProgress />;
  const save = async () => {
    try {
      const { autoApprove, preModerate, overrideWarnRate, overrideMinDecided, sessionIdleMinutes, learnedAutoPromote, version } = draft;
      const saved = await rulesApi.saveSettings({ autoApprove, preModerate, overrideWarnRate, overrideMinDecided, sessionIdleMinutes, learnedAutoPromote, version });
      qc.setQueryData(['settings'], saved);
      setErrors({});
      notify(`Settings saved (version ${saved.version})`, { type: 'success' });
    } catch (err) {
      setErrors(fieldErrors(err) ?? {});
      notify(errorText(err), { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <CardContent>
        <Title title="Settings" />
        <Typography variant="h6">Moderation settings</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Version {draft.version}. Per-article pre-moderation is set on the article by the publisher.
        </Typography>
        <Stack spacing={2}>
          <FormControlLabel control={<Checkbox checked={draft.autoApprove} onChange={(e) => setDraft({ ...draft, autoApprove: e.target.checked })} />} label="Approve comments that no rule flags" />
          <FormControlLabel control={<Checkbox checked={draft.preModerate} onChange={(e) => setDraft({ ...draft, preModerate: e.target.checked })} />} label="Pre-moderate everything (hide rules still hide)" />
          <FormControlLabel
            control={<Checkbox checked={draft.learnedAutoPromote} onChange={(e) => setDraft({ ...draft, learnedAutoPromote: e.target.checked })} />}
            label="Promote a retrained insult model by itself when it is better (cross-validated AUC up, precision not down)"
          />
          <TextField
            size="small"
            type="number"
            label="Warn when a rule’s 7-day override rate is above"
            value={draft.overrideWarnRate}
            error={Boolean(errors.overrideWarnRate)}
            helperText={errors.overrideWarnRate?.join(', ') ?? '0.05 – 1 (share of decided hits moderators approved anyway)'}
            slotProps={{ htmlInput: { step: 0.05, min: 0.05, max: 1 } }}
            onChange={(e) => setDraft({ ...draft, overrideWarnRate: Number(e.target.value) })}
          />
          <TextField
            size="small"
            type="number"
            label="…once it has at least this many decided hits"
            value={draft.overrideMinDecided}
            error={Boolean(errors.overrideMinDecided)}
            helperText={errors.overrideMinDecided?.join(', ')}
            onChange={(e) => setDraft({ ...draft, overrideMinDecided: Number(e.target.value) })}
          />
          <TextField
            size="small"
            type="number"
            label="Sign staff out after this many minutes without activity"
            name="sessionIdleMinutes"
            value={draft.sessionIdleMinutes}
            error={Boolean(errors.sessionIdleMinutes)}
            helperText={errors.sessionIdleMinutes?.join(', ') ?? '5 – 1440. The dashboard then asks for the password again over the page, keeping the moderator’s place.'}
            slotProps={{ htmlInput: { min: 5, max: 1440 } }}
            onChange={(e) => setDraft({ ...draft, sessionIdleMinutes: Number(e.target.value) })}
          />
          {Object.keys(errors).length > 0 && <Alert severity="error">Fix the fields above.</Alert>}
          <Box>
            <Button variant="contained" onClick={() => void save()}>
              Save
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};

export const SettingsPage = () => (
  <AdminOnly what="Settings">
    <SettingsForm />
  </AdminOnly>
);

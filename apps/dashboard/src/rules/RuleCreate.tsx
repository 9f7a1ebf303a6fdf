import { Alert, Button, Card, CardContent, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { RuleAction, RuleType } from '@sift/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useRedirect } from 'react-admin';
import { AdminOnly } from './AdminOnly';
import { errorText, fieldErrors, rulesApi } from './api';
import { SchemaForm } from './SchemaForm';

/**
 * A new rule: its type, name and action, and the type's form starting from its defaults. It starts in shadow mode
 * (recorded, never changing a status) so an admin can watch and backtest it before switching it to live.
 */
const RuleCreator = () => {
  const types = useQuery({ queryKey: ['rule-types'], queryFn: rulesApi.types, staleTime: Infinity });
  const qc = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  const [type, setType] = useState<RuleType | ''>('');
  const [name, setName] = useState('');
  const [action, setAction] = useState<RuleAction>('flag');
  const [config, setConfig] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  if (types.error) return <Alert severity="error">{errorText(types.error)}</Alert>;
  if (!types.data) return <LinearProgress />;
  const info = types.data.find((t) => t.type === type);

  const create = async () => {
    if (!type) return;
    try {
      const rule = await rulesApi.create({ name, type, config, action, mode: 'shadow', severity: 1 });
      await qc.invalidateQueries({ queryKey: ['rules'] });
      notify(`Created "${rule.name}" in shadow mode`, { type: 'success' });
      redirect('edit', 'rules', rule.id);
    } catch (err) {
      setErrors(fieldErrors(err) ?? {});
      notify(errorText(err), { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2 }} data-panel="rule-create">
      <Title title="New rule" />
      <CardContent>
        <Typography variant="h6" sx={{ mb: 2 }}>
          New rule <Typography component="span" color="text.secondary">— starts in shadow mode</Typography>
        </Typography>
        <Stack spacing={2}>
          <TextField
            select
            size="small"
            label="Type"
            name="type"
            value={type}
            error={Boolean(errors.type)}
            helperText={errors.type?.join(', ') ?? info?.description}
            onChange={(e) => {
              const t = e.target.value as RuleType;
              setType(t);
              setConfig(types.data.find((x) => x.type === t)?.defaults ?? {});
              setErrors({});
            }}
          >
            {types.data.map((t) => (
              <MenuItem key={t.type} value={t.type}>
                {t.type}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" label="Name" name="name" value={name} error={Boolean(errors.name)} helperText={errors.name?.join(', ')} onChange={(e) => setName(e.target.value)} />
          <TextField select size="small" label="Action" name="action" value={action} onChange={(e) => setAction(e.target.value as RuleAction)} sx={{ maxWidth: 200 }}>
            <MenuItem value="flag">flag</MenuItem>
            <MenuItem value="hide">hide</MenuItem>
          </TextField>
          {info && <SchemaForm schema={info.schema} value={config} onChange={setConfig} errors={errors} />}
          <div>
            <Button variant="contained" disabled={!type || !name.trim()} onClick={() => void create()}>
              Create
            </Button>
          </div>
        </Stack>
      </CardContent>
    </Card>
  );
};

export const RuleCreate = () => (
  <AdminOnly what="Rules">
    <RuleCreator />
  </AdminOnly>
);

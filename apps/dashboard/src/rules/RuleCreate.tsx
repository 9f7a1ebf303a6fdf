import { Alert, Box, Button, Card, CardContent, FormHelperText, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import type { RuleAction, RuleType } from '@sift/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useRedirect } from 'react-admin';
import { AdminOnly } from './AdminOnly';
import { errorText, fieldErrors, rulesApi } from './api';
import { ActionField, NameField, typeOption } from './RuleFields';
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
  const missing = [!type && 'pick a type', !name.trim() && 'give it a name'].filter(Boolean);

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
            helperText={errors.type?.join(', ') ?? info?.description ?? 'What the rule looks for; each type has its own settings below.'}
            slotProps={{ select: { renderValue: (v) => types.data.find((t) => t.type === v)?.label ?? '' } }}
            onChange={(e) => {
              const t = e.target.value as RuleType;
              setType(t);
              setConfig(types.data.find((x) => x.type === t)?.defaults ?? {});
              setErrors({});
            }}
          >
            {types.data.map(typeOption)}
          </TextField>
          <NameField value={name} error={errors.name} onChange={setName} />
          <Box>
            <ActionField value={action} onChange={setAction} />
          </Box>
          {info && <SchemaForm schema={info.schema} value={config} onChange={setConfig} errors={errors} />}
          <div>
            <Button variant="contained" disabled={missing.length > 0} onClick={() => void create()} aria-describedby="create-hint">
              Create
            </Button>
            {missing.length > 0 && (
              <FormHelperText id="create-hint" data-create-hint>
                To create the rule, {missing.join(' and ')}.
              </FormHelperText>
            )}
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

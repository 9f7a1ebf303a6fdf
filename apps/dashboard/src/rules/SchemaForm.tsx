import { Alert, Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';

/** The subset of JSON Schema that z.toJSONSchema gives for rule configs. */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
}

const label = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/**
 * A rule type's config form, generated from its JSON Schema: numbers, booleans, enums, lists of words (one per line),
 * lists of enum values, and anything else as JSON. Errors come from the server (`config.<path>`), shown on the field.
 */
export const SchemaForm = ({
  schema,
  value,
  onChange,
  errors,
}: {
  schema: Record<string, unknown>;
  value: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  errors: Record<string, string[]>;
}) => {
  const props = ((schema as JsonSchema).properties ?? {}) as Record<string, JsonSchema>;
  const set = (key: string, v: unknown) => onChange({ ...value, [key]: v });
  const errorOf = (key: string) =>
    Object.entries(errors)
      .filter(([f]) => f === `config.${key}` || f.startsWith(`config.${key}.`))
      .map(([f, m]) => (f === `config.${key}` ? m.join(', ') : `${f.slice(`config.${key}.`.length)}: ${m.join(', ')}`))
      .join('; ');
  const unplaced = Object.entries(errors).filter(([f]) => f === 'config' || (f.startsWith('config.') && !(f.split('.')[1] in props)));
  return (
    <Stack spacing={2} data-schema-form>
      {Object.entries(props).map(([key, p]) => (
        <Field key={key} name={key} schema={p} value={value[key]} onChange={(v) => set(key, v)} error={errorOf(key)} />
      ))}
      {unplaced.map(([f, m]) => (
        <Alert key={f} severity="error">
          {f}: {m.join(', ')}
        </Alert>
      ))}
    </Stack>
  );
};

const Field = ({ name, schema, value, onChange, error }: { name: string; schema: JsonSchema; value: unknown; onChange: (v: unknown) => void; error: string }) => {
  const common = { label: label(name), error: Boolean(error), helperText: error || schema.description, fullWidth: true, size: 'small' as const, name: `config.${name}` };
  if (schema.type === 'boolean') {
    return <FormControlLabel control={<Checkbox name={`config.${name}`} checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />} label={label(name)} />;
  }
  if (schema.enum) {
    return (
      <TextField select {...common} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {schema.enum.map((v) => (
          <MenuItem key={String(v)} value={String(v)}>
            {String(v)}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return <NumberField common={common} schema={schema} value={value} onChange={onChange} />;
  }
  if (schema.type === 'array' && schema.items?.type === 'string' && !schema.items.enum) {
    return <LinesField common={common} value={value} onChange={onChange} />;
  }
  if (schema.type === 'array' && schema.items?.enum) {
    const selected = Array.isArray(value) ? (value as string[]) : [];
    return (
      <TextField select {...common} slotProps={{ select: { multiple: true } }} value={selected} onChange={(e) => onChange(e.target.value)}>
        {schema.items.enum.map((v) => (
          <MenuItem key={String(v)} value={String(v)}>
            {String(v)}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return <JsonField common={common} value={value} onChange={onChange} />;
};

type Common = { label: string; error: boolean; helperText?: string; fullWidth: boolean; size: 'small'; name: string };

/** Numbers are kept as typed until they parse, so "0." can be typed on the way to "0.3". */
const NumberField = ({ common, schema, value, onChange }: { common: Common; schema: JsonSchema; value: unknown; onChange: (v: unknown) => void }) => {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    if (Number(text) !== value) setText(value === undefined ? '' : String(value));
    // Only follow outside changes (rollback, reload), not our own typing.
  }, [value]);
  return (
    <TextField
      {...common}
      type="number"
      value={text}
      slotProps={{ htmlInput: { min: schema.minimum, max: schema.maximum, step: schema.type === 'integer' ? 1 : 0.01 } }}
      helperText={common.helperText || (schema.minimum !== undefined ? `${schema.minimum} – ${schema.maximum ?? '∞'}` : undefined)}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value === '' ? undefined : Number(e.target.value));
      }}
    />
  );
};

const LinesField = ({ common, value, onChange }: { common: Common; value: unknown; onChange: (v: unknown) => void }) => {
  const lines = Array.isArray(value) ? (value as string[]).join('\n') : '';
  const [text, setText] = useState(lines);
  useEffect(() => {
    if (text.split('\n').filter(Boolean).join('\n') !== lines) setText(lines);
    // Only follow outside changes, not our own typing.
  }, [lines]);
  return (
    <TextField
      {...common}
      multiline
      minRows={2}
      value={text}
      helperText={common.helperText || 'one per line'}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split('\n').map((s) => s.trim()).filter(Boolean));
      }}
    />
  );
};

const JsonField = ({ common, value, onChange }: { common: Common; value: unknown; onChange: (v: unknown) => void }) => {
  const [text, setText] = useState(JSON.stringify(value ?? null, null, 1));
  const [bad, setBad] = useState(false);
  return (
    <TextField
      {...common}
      multiline
      minRows={2}
      value={text}
      error={common.error || bad}
      helperText={bad ? 'not valid JSON' : common.helperText || 'JSON'}
      onChange={(e) => {
        setText(e.target.value);
        try {
          onChange(JSON.parse(e.target.value));
          setBad(false);
        } catch {
          setBad(true);
        }
      }}
    />
  );
};

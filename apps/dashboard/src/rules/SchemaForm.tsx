import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';

/** The subset of JSON Schema that z.toJSONSchema gives for rule configs. */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  /** A union of literals (`1 | 2 | 3`): `[{const: 1}, …]`. */
  anyOf?: Array<{ const?: unknown }>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  /** A column's or field's name, when its key does not say it (`pos` → "Used as"). */
  title?: string;
}

const label = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** The values a field may take: an enum, or a union of literals. */
const choicesOf = (schema: JsonSchema): unknown[] | undefined =>
  schema.enum ?? (schema.anyOf?.every((a) => 'const' in a) ? schema.anyOf.map((a) => a.const) : undefined);

/**
 * A field's errors in words: `config.patterns.0` → `line 1 (“fo(o”): …`, for a list edited one per line; the
 * errors of a table's cells stay with their cells (TableField).
 */
function errorText(key: string, value: unknown, errors: Record<string, string[]>): string {
  return Object.entries(errors)
    .filter(([f]) => f === `config.${key}` || f.startsWith(`config.${key}.`))
    .map(([f, m]) => {
      if (f === `config.${key}`) return m.join(', ');
      const [index, ...rest] = f.slice(`config.${key}.`.length).split('.');
      const item = Array.isArray(value) ? value[Number(index)] : undefined;
      const what = rest.length > 0 ? `row ${Number(index) + 1}, ${label(rest.join('.'))}` : `line ${Number(index) + 1}`;
      return `${what}${typeof item === 'string' ? ` (“${item}”)` : ''}: ${m.join(', ')}`;
    })
    .join('; ');
}

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
  const unplaced = Object.entries(errors).filter(([f]) => f === 'config' || (f.startsWith('config.') && !(f.split('.')[1] in props)));
  return (
    <Stack spacing={2} data-schema-form>
      {Object.entries(props).map(([key, p]) => (
        <Field key={key} name={key} schema={p} value={value[key]} onChange={(v) => set(key, v)} error={errorText(key, value[key], errors)} errors={errors} />
      ))}
      {unplaced.map(([f, m]) => (
        <Alert key={f} severity="error">
          {f}: {m.join(', ')}
        </Alert>
      ))}
    </Stack>
  );
};

const Field = ({ name, schema, value, onChange, error, errors }: FieldProps) => {
  const common = { label: label(name), error: Boolean(error), helperText: error || schema.description, fullWidth: true, size: 'small' as const, name: `config.${name}` };
  if (schema.type === 'boolean') {
    return (
      <Box>
        <FormControlLabel control={<Checkbox name={`config.${name}`} checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />} label={label(name)} />
        <FormHelperText error={Boolean(error)} sx={{ mt: -0.5, ml: 4 }}>
          {common.helperText}
        </FormHelperText>
      </Box>
    );
  }
  const choices = choicesOf(schema);
  if (choices) return <ChoiceField common={common} choices={choices} value={value} onChange={onChange} />;
  if (schema.type === 'array' && schema.items?.properties) {
    return <TableField name={name} schema={schema} value={value} onChange={onChange} error={error} errors={errors} />;
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

interface FieldProps {
  name: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (v: unknown) => void;
  /** This field's errors in words. */
  error: string;
  /** Every field error of the form (a table places its cells' own). */
  errors: Record<string, string[]>;
}

type Common = { label: string; error: boolean; helperText?: string; fullWidth: boolean; size: 'small'; name: string };

/** An enum or a union of literals; the value keeps its type (a number stays a number). */
const ChoiceField = ({ common, choices, value, onChange }: { common: Common; choices: unknown[]; value: unknown; onChange: (v: unknown) => void }) => (
  <TextField select {...common} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(choices.find((c) => String(c) === e.target.value))}>
    {choices.map((v) => (
      <MenuItem key={String(v)} value={String(v)}>
        {String(v)}
      </MenuItem>
    ))}
  </TextField>
);

/**
 * A list of objects (the insult rule's extra terms) as an editable table: a column per property, each cell the
 * property's own field, a row's errors in its cells, and each column's help text from the schema under the table.
 */
const TableField = ({ name, schema, value, onChange, error, errors }: FieldProps) => {
  const columns = Object.entries(schema.items?.properties ?? {});
  const rows = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
  const blank = () => Object.fromEntries(columns.filter(([, c]) => c.default !== undefined).map(([k, c]) => [k, c.default]));
  const setRow = (i: number, next: Record<string, unknown>) => onChange(rows.map((r, j) => (j === i ? next : r)));
  const cellError = (i: number, col: string) => errors[`config.${name}.${i}.${col}`]?.join(', ');
  const rowLevel = Object.entries(errors).filter(([f]) => f === `config.${name}` || /^\d+$/.test(f.slice(`config.${name}.`.length)));
  return (
    <Box data-table-field={name}>
      <Typography variant="subtitle2">{label(name)}</Typography>
      {schema.description && (
        <Typography variant="body2" color="text.secondary">
          {schema.description}
        </Typography>
      )}
      <Table size="small" sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            {columns.map(([col, c]) => (
              <TableCell key={col}>{c.title ?? label(col)}</TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i} data-row={i}>
              {columns.map(([col, c]) => {
                const cell = { label: c.title ?? label(col), error: Boolean(cellError(i, col)), helperText: cellError(i, col), fullWidth: true, size: 'small' as const, name: `config.${name}.${i}.${col}` };
                const set = (v: unknown) => setRow(i, { ...row, [col]: v });
                const choices = choicesOf(c);
                return (
                  <TableCell key={col} sx={{ verticalAlign: 'top', minWidth: col === 'term' ? 180 : 110 }}>
                    {choices ? (
                      <ChoiceField common={cell} choices={choices} value={row[col]} onChange={set} />
                    ) : (
                      <TextField {...cell} value={row[col] ?? ''} onChange={(e) => set(e.target.value)} />
                    )}
                  </TableCell>
                );
              })}
              <TableCell sx={{ verticalAlign: 'top' }}>
                <IconButton aria-label={`Remove row ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button size="small" sx={{ mt: 1 }} onClick={() => onChange([...rows, blank()])}>
        Add a row
      </Button>
      {rowLevel.length > 0 && <FormHelperText error>{error}</FormHelperText>}
      <Box component="dl" sx={{ mt: 1, mb: 0, typography: 'body2', color: 'text.secondary', '& dt': { fontWeight: 600, float: 'left', mr: 1 }, '& dd': { ml: 0, mb: 0.5 } }}>
        {columns.map(([col, c]) => (
          <Box key={col}>
            <dt>{c.title ?? label(col)}</dt>
            <dd>{c.description}</dd>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

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
      helperText={common.helperText || 'One per line.'}
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

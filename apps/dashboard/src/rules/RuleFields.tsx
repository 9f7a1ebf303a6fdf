import { Box, Checkbox, FormControlLabel, FormHelperText, ListItemText, MenuItem, TextField } from '@mui/material';
import type { RuleAction, RuleMode, RuleTypeInfo } from '@sift/shared';

/** The fields every rule has (its config is SchemaForm's), each with its help text; shared by create and edit. */
const small = { size: 'small' as const };

export const NameField = ({ value, error, onChange }: { value: string; error?: string[]; onChange: (v: string) => void }) => (
  <TextField
    {...small}
    label="Name"
    name="name"
    value={value}
    error={Boolean(error)}
    helperText={error?.join(', ') ?? 'What moderators see on a flagged comment, e.g. “Insults and name-calling”.'}
    onChange={(e) => onChange(e.target.value)}
  />
);

/** A small select with a line of help that follows the value. */
function Choice<T extends string>({ name, label, value, options, onChange }: { name: string; label: string; value: T; options: Array<[T, string, string]>; onChange: (v: T) => void }) {
  return (
    <TextField
      select
      {...small}
      label={label}
      name={name}
      value={value}
      sx={{ minWidth: 200, maxWidth: 320 }}
      helperText={options.find(([v]) => v === value)?.[2]}
      onChange={(e) => onChange(e.target.value as T)}
    >
      {options.map(([v, text]) => (
        <MenuItem key={v} value={v}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
}

export const ActionField = ({ value, onChange }: { value: RuleAction; onChange: (v: RuleAction) => void }) => (
  <Choice
    name="action"
    label="Action"
    value={value}
    onChange={onChange}
    options={[
      ['flag', 'flag', 'Flag: the comment waits in the Flagged queue for a moderator.'],
      ['hide', 'hide', 'Hide: the comment is hidden at once; a moderator can still approve it.'],
    ]}
  />
);

export const ModeField = ({ value, onChange }: { value: RuleMode; onChange: (v: RuleMode) => void }) => (
  <Choice
    name="mode"
    label="Mode"
    value={value}
    onChange={onChange}
    options={[
      ['live', 'live', 'Live: its action applies.'],
      ['shadow', 'shadow (record only)', 'Shadow: hits are recorded, no status changes.'],
    ]}
  />
);

export const SeverityField = ({ value, onChange }: { value: number; onChange: (v: number) => void }) => (
  <TextField
    select
    {...small}
    label="Severity"
    name="severity"
    value={value}
    sx={{ minWidth: 160, maxWidth: 320 }}
    helperText="Orders the queue: higher comes first."
    onChange={(e) => onChange(Number(e.target.value))}
  >
    {[1, 2, 3].map((n) => (
      <MenuItem key={n} value={n}>
        {n}
      </MenuItem>
    ))}
  </TextField>
);

export const CheckField = ({ name, label, help, checked, onChange }: { name: string; label: string; help: string; checked: boolean; onChange: (v: boolean) => void }) => (
  <Box>
    <FormControlLabel control={<Checkbox name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />} label={label} />
    <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{help}</FormHelperText>
  </Box>
);

/** A rule type in the type menu: its name in words, and what it catches on a second line. */
export const typeOption = (t: RuleTypeInfo) => (
  <MenuItem key={t.type} value={t.type} data-rule-type={t.type}>
    <ListItemText primary={t.label} secondary={t.description} />
  </MenuItem>
);

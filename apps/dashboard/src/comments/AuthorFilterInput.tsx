import { TextField } from '@mui/material';
import type { AuthorRecord } from '@sift/shared';
import { useGetOne, useInput } from 'react-admin';

/**
 * The queue's author filter, as the author's name. The filter holds the author's key (`ip:…`, `id:…`: what the API
 * narrows by, set by clicking an author in the list), which means nothing to a moderator; the key stays in the
 * field's title. Read-only: another author is one click on their name in the list, or the search box.
 */
export const AuthorFilterInput = ({ source, label }: { source: string; label: string; alwaysOn?: boolean }) => {
  const { field } = useInput({ source });
  const key = typeof field.value === 'string' ? field.value : '';
  const { data } = useGetOne<AuthorRecord>('authors', { id: key }, { enabled: key !== '' });
  return (
    <TextField
      size="small"
      label={label}
      value={data?.displayName ?? (key ? '…' : '')}
      title={key}
      data-author-filter={key}
      slotProps={{ input: { readOnly: true } }}
      sx={{ minWidth: 200 }}
    />
  );
};

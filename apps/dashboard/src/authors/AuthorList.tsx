import { Link } from '@mui/material';
import type { AuthorRecord } from '@sift/shared';
import { Datagrid, DateField, FunctionField, List, NumberField, SearchInput, SelectArrayInput } from 'react-admin';
import { AuthorActions, AuthorStatusChip } from '../comments/AuthorPanel';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or key" />,
  <SelectArrayInput
    key="status"
    source="status"
    label="List"
    alwaysOn
    choices={[
      { id: 'blocked', name: 'Blocked' },
      { id: 'review', name: 'Always review' },
      { id: 'trusted', name: 'Trusted' },
      { id: 'none', name: 'On no list' },
    ]}
    sx={{ minWidth: 200 }}
  />,
];

const commentsOf = (key: string) => `#/comments?filter=${encodeURIComponent(JSON.stringify({ authorKey: key }))}&sort=receivedAt&order=DESC`;

/** Readers with their stats and list status; block / always-review / trust from here or from a comment's card. */
export const AuthorList = () => (
  <List filters={filters} sort={{ field: 'lastSeenAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <FunctionField<AuthorRecord>
        source="displayName"
        label="Author"
        render={(a) => (
          <Link href={commentsOf(a.id)} title={a.id} data-author={a.id}>
            {a.displayName}
          </Link>
        )}
      />
      <FunctionField<AuthorRecord> source="status" label="List" render={(a) => <AuthorStatusChip status={a.status} />} />
      <NumberField source="total" label="Comments" />
      <NumberField source="approved" />
      <NumberField source="flagged" />
      <NumberField source="hidden" />
      <FunctionField<AuthorRecord>
        label="Hidden rate"
        render={(a) => (a.total ? `${Math.round(((a.hidden / a.total) * 100))} %` : '—')}
      />
      <DateField source="lastSeenAt" label="Last comment" showTime />
      <FunctionField<AuthorRecord> label="Actions" render={(a) => <AuthorActions author={a} />} />
    </Datagrid>
  </List>
);

import { Box, Link, Typography } from '@mui/material';
import { COMMENT_STATUSES, type CommentRecord } from '@sift/shared';
import type { MouseEvent } from 'react';
import {
  Datagrid,
  DateField,
  FilterButton,
  FunctionField,
  List,
  NumberField,
  regex,
  SearchInput,
  SelectArrayInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { FlagChips } from './FlagChips';
import { StatusChip } from './StatusChip';

const EXCERPT_LENGTH = 140;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const excerpt = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text);

const commentFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput
    key="status"
    source="status"
    label="Status"
    alwaysOn
    choices={COMMENT_STATUSES.map((s) => ({ id: s, name: s }))}
    sx={{ minWidth: 220 }}
  />,
  // The API filters by the article's uuid; an incomplete one is not sent (invalid filter values never are).
  <TextInput key="articleId" source="articleId" label="Article id" validate={regex(UUID, 'Paste an article id (a uuid)')} />,
];

const CommentExcerpt = ({ record }: { record: CommentRecord }) => (
  <Box sx={{ maxWidth: 440 }}>
    {record.title && (
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {record.title}
      </Typography>
    )}
    <Typography variant="body2" color="text.secondary">
      {excerpt(record.body)}
    </Typography>
  </Box>
);

/** The article's title; clicking it narrows the list to that article's comments. */
const ArticleFilterLink = ({ record }: { record: CommentRecord }) => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    setFilters({ ...filterValues, articleId: record.articleId }, { ...displayedFilters, articleId: true });
  };
  return (
    <Link component="button" variant="body2" onClick={onClick} title="Show only this article's comments" sx={{ textAlign: 'left' }}>
      {record.articleTitle}
    </Link>
  );
};

/** No export: the API pages at most 200 rows per request. */
const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** The moderation queue: every status by default, highest priority first. */
export const CommentList = () => (
  <List filters={commentFilters} actions={<ListActions />} sort={{ field: 'priority', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField<CommentRecord> source="status" label="Status" render={(r) => <StatusChip status={r.status} />} />
      <NumberField source="priority" options={{ maximumFractionDigits: 2 }} />
      <TextField source="authorName" label="Author" />
      <FunctionField<CommentRecord> label="Comment" sortable={false} render={(r) => <CommentExcerpt record={r} />} />
      <FunctionField<CommentRecord> label="Article" sortable={false} render={(r) => <ArticleFilterLink record={r} />} />
      <FunctionField<CommentRecord> label="Flags" sortable={false} render={(r) => <FlagChips flags={r.flags} />} />
      <DateField source="receivedAt" label="Received" showTime />
    </Datagrid>
  </List>
);

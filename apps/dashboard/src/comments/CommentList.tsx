import CloseIcon from '@mui/icons-material/Close';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import LinkIcon from '@mui/icons-material/Link';
import { Alert, Box, Button as MuiButton, Drawer, IconButton, Link, Stack, Tooltip, Typography } from '@mui/material';
import { type CommentRecord, COMMENT_STATUSES, type LiveEvent, type ModerationCommentDetail, type QueueRow, RULE_TYPES } from '@sift/shared';
import { type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Datagrid,
  DateField,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  SelectArrayInput,
  TextInput,
  TopToolbar,
  useGetOne,
  useListContext,
} from 'react-admin';
import { isTyping } from '../layout/keys';
import { QUEUE_LABEL, queueOf, queuePath } from '../layout/queues';
import { useLiveEvents } from '../providers/live';
import { pendingIds, usePendingDecisions } from '../providers/pendingDecisions';
import { BulkDecisionButtons } from './BulkDecisionButtons';
import { ExportQueueButton } from './ExportQueueButton';
import { ArticleAuthorBadge, CommentCard, DecisionButtons, Explained, PRIORITY_HELP, titleOf } from './CommentCard';
import { FlagChips } from './FlagChips';
import { HideDialog } from './HideDialog';
import { AlsoLooking, RowPresence } from './Presence';
import { ReplyDialog } from './ReplyDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { AuthorFilterInput } from './AuthorFilterInput';
import { StatusChip } from './StatusChip';
import { useDecide } from './useDecide';
import { useLiveQueueUpdates } from './useLiveQueueUpdates';

const EXCERPT_LENGTH = 140;
const DRAWER_WIDTH = 520;

const excerpt = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text);

const commentFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" label="Status" alwaysOn choices={COMMENT_STATUSES.map((s) => ({ id: s, name: s }))} sx={{ minWidth: 180 }} />,
  <SelectArrayInput key="rule" source="rule" label="Reason (rule)" alwaysOn choices={RULE_TYPES.map((r) => ({ id: r, name: r.replace('_', '-') }))} sx={{ minWidth: 180 }} />,
  <DateInput key="from" source="receivedAt_gte" label="Received from" />,
  <DateInput key="to" source="receivedAt_lte" label="Received until" />,
  <TextInput key="article" source="articleExternalId" label="Article (external id)" />,
  <AuthorFilterInput key="author" source="authorKey" label="Author" />,
];

/** Where each keyboard focus / open card / dialog lives, shared by the rows and the key handler. */
const useQueueState = () => {
  const [focus, setFocus] = useState(0);
  const [drawer, setDrawer] = useState(false);
  const [dialog, setDialog] = useState<null | 'hide' | 'reply' | 'keys'>(null);
  return { focus, setFocus, drawer, setDrawer, dialog, setDialog };
};

/** Whether a comment received or moved comes into `queue` (Reported is not a status: see its own event). */
const entersQueue = (e: Extract<LiveEvent, { type: 'received' | 'changed' }>, queue: ReturnType<typeof queueOf>) => {
  const status = e.type === 'received' ? e.status : e.to;
  return queue === 'all' ? e.type === 'received' : status === queue && (e.type === 'received' || e.from !== queue);
};

const OPENS_DIALOG = new Set(['h', 'r', '?']);

/** A key pressed in a menu or popover the list opened (filters, selects) is theirs. */
const inPopup = (target: EventTarget | null) => target instanceof Element && !!target.closest('.MuiPopover-root, .MuiDialog-root, .MuiModal-root');

/** "N new comments": live arrivals into this queue are counted, not inserted under the moderator's cursor. */
const NewCommentsBanner = () => {
  const { data, filterValues, refetch } = useListContext<QueueRow>();
  const queue = queueOf(filterValues);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const visible = useMemo(() => new Set((data ?? []).map((r) => r.id)), [data]);
  useEffect(() => setFresh(new Set()), [data]);
  useLiveEvents((e: LiveEvent) => {
    if (e.type === 'presence') return;
    const enters = e.type === 'reported' ? queue === 'reported' : entersQueue(e, queue);
    if (enters && !visible.has(e.id)) setFresh((s) => (s.has(e.id) ? s : new Set(s).add(e.id)));
  });
  if (fresh.size === 0) return null;
  return (
    <Alert
      severity="info"
      data-new-comments={fresh.size}
      action={
        <MuiButton color="inherit" size="small" onClick={() => void refetch()}>
          Show
        </MuiButton>
      }
      sx={{ mb: 1 }}
    >
      {fresh.size} new comment{fresh.size === 1 ? '' : 's'}
    </Alert>
  );
};

/** The article's title; clicking it narrows the list to that article's comments. */
const ArticleFilterLink = ({ record }: { record: QueueRow }) => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    setFilters({ ...filterValues, articleId: record.articleId }, { ...displayedFilters });
  };
  return (
    <Link component="button" variant="body2" onClick={onClick} title="Show only this article's comments" sx={{ textAlign: 'left' }}>
      {record.articleTitle}
    </Link>
  );
};

/** The author's name; clicking it narrows the list to their comments. */
const AuthorFilterLink = ({ record }: { record: QueueRow }) => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    setFilters({ ...filterValues, authorKey: record.authorKey }, { ...displayedFilters, authorKey: true });
  };
  return (
    <Link component="button" variant="body2" color="text.primary" onClick={onClick} title="Show only this author's comments" data-author-name sx={{ textAlign: 'left' }}>
      {record.authorName}
    </Link>
  );
};

/** The link to a comment's card: its queue (by its status now) with the card open (`&card=<id>`). */
export const cardLink = (c: Pick<QueueRow, 'id' | 'status'>) =>
  `${window.location.origin}${window.location.pathname}#${queuePath(c.status)}&card=${encodeURIComponent(c.id)}`;

/** The card a link asked for (`#/comments?…&card=<id>`), read once when the queue opens. */
const linkedCard = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('card');

type CardHandlers = { onClose(): void; onApprove(): void; onHide(): void; onReply(): void };

const DrawerCard = ({ id, onClose, onApprove, onHide, onReply }: CardHandlers & { id: string }) => {
  // Mounted per comment and always re-read: the list's rows pre-fill the cache without the card's details.
  const { data } = useGetOne<ModerationCommentDetail>('comments', { id }, { refetchOnMount: 'always' });
  const full = data && 'audit' in data ? data : undefined;
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', px: 2, pt: 1 }}>
        <Typography variant="subtitle1" sx={{ flex: 1 }}>
          {data ? `Comment by ${data.authorName}` : 'Comment'}
        </Typography>
        {data && (
          <Tooltip title="A link that opens this card (copied when clicked)">
            <IconButton
              component="a"
              href={cardLink(data)}
              aria-label="Link to this comment"
              data-card-link
              size="small"
              onClick={(e: MouseEvent) => {
                e.preventDefault();
                void navigator.clipboard?.writeText(cardLink(data)).catch(() => undefined);
              }}
            >
              <LinkIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
        <IconButton aria-label="Close the card" onClick={onClose} size="small">
          <CloseIcon />
        </IconButton>
      </Stack>
      <AlsoLooking commentId={id} />
      {data && <CommentCard comment={full ?? data} actions={<DecisionButtons comment={data} onApprove={onApprove} onHide={onHide} onReply={onReply} />} />}
    </>
  );
};

const CardDrawer = ({ id, ...handlers }: CardHandlers & { id: string | undefined }) => (
  <Drawer variant="persistent" anchor="right" open={!!id} sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', top: 48, height: 'calc(100% - 48px)' } }}>
    {id && <DrawerCard key={id} id={id} {...handlers} />}
  </Drawer>
);

/** The queue: rows, the keyboard, the card drawer and the dialogs. */
const QueueView = () => {
  const { data, isPending, selectedIds, onToggleItem, filterValues } = useListContext<QueueRow>();
  useLiveQueueUpdates();
  const state = useQueueState();
  const { focus, setFocus, drawer, setDrawer, dialog, setDialog } = state;
  // A deep link's card: opened at once, whether or not its row is on this page of the queue.
  const [pinned, setPinned] = useState<string | null>(linkedCard);
  useEffect(() => {
    if (pinned) setDrawer(true);
  }, [pinned, setDrawer]);
  // A comment with a decision held for undo is out of the queue already; an undo puts it back in place.
  const pending = usePendingDecisions();
  const rows = useMemo(() => {
    const held = pendingIds(pending);
    return (data ?? []).filter((r) => !held.has(r.id));
  }, [data, pending]);
  const decide = useDecide();
  const focusIndex = Math.min(focus, Math.max(rows.length - 1, 0));
  const focused: QueueRow | undefined = rows[focusIndex];
  // What a/h/r act on: the focused row, or the linked card while it is not one of the rows.
  const { data: pinnedRecord } = useGetOne<ModerationCommentDetail>('comments', { id: pinned ?? '' }, { enabled: !!pinned });
  const current: CommentRecord | undefined = pinned ? pinnedRecord : focused;
  const currentRef = useRef(current);
  currentRef.current = current;

  // Keep the focused row in view as j/k move it.
  useEffect(() => {
    document.querySelectorAll('.RaDatagrid-tbody > tr')[focusIndex]?.scrollIntoView({ block: 'nearest' });
  }, [focusIndex]);

  const act = useCallback(
    (action: 'approve' | 'hide', reason?: string) => {
      const target = currentRef.current;
      if (!target) return;
      // Focus stays on the same index: the decided row leaves the queue at once, the next comment is focused.
      decide(target, action, reason);
      setPinned(null);
    },
    [decide],
  );

  const listRef = useRef<HTMLDivElement>(null);
  const focusList = useCallback(() => {
    const list = listRef.current;
    if (list && !list.contains(document.activeElement)) list.focus({ preventScroll: true });
  }, []);

  const move = useCallback(
    (index: number) => {
      setPinned(null);
      setFocus(index);
    },
    [setFocus],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || inPopup(e.target)) return;
      const actions: Record<string, (() => void) | undefined> = {
        j: () => move(Math.min(focusIndex + 1, rows.length - 1)),
        k: () => move(Math.max(focusIndex - 1, 0)),
        a: current && (() => act('approve')),
        h: current && (() => setDialog('hide')),
        r: current && (() => setDialog('reply')),
        x: focused && (() => onToggleItem(focused.id)),
        o: focused && (() => setDrawer(!drawer)),
        Escape: drawer ? () => setDrawer(false) : undefined,
        '?': () => setDialog('keys'),
      };
      const action = actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
      // The queue's keys steer the queue only: the focus goes back to the list (a menu item left focused would
      // take 'a' to "Approved" with its type-ahead, and Enter would open it). A dialog (h, r, ?) takes it itself.
      if (!OPENS_DIALOG.has(e.key)) focusList();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dialog, focusIndex, rows.length, focused, current, drawer, act, onToggleItem, move, focusList, setDialog, setDrawer]);

  // Opening a queue (the menu, a link) puts the keyboard focus on the list, not on the menu item clicked.
  const queue = queueOf(filterValues);
  useEffect(() => focusList(), [queue, focusList]);

  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  // The linked comment's row, once loaded, takes the focus: from then on the card follows the focus as usual.
  useEffect(() => {
    const i = pinned ? rowIndex.get(pinned) : undefined;
    if (i === undefined) return;
    setFocus(i);
    setPinned(null);
  }, [pinned, rowIndex, setFocus]);
  const cardId = drawer ? (pinned ?? focused?.id) : undefined;
  // The status every row of this queue has (Reported: published comments), or null for a mixed list.
  const queueStatus = queue === 'reported' ? 'approved' : queue === 'all' ? null : queue;

  return (
    <Box ref={listRef} tabIndex={-1} data-queue-list sx={{ mr: cardId ? `${DRAWER_WIDTH}px` : 0, transition: 'margin 150ms', outline: 'none' }}>
      <NewCommentsBanner />
      {!isPending && rows.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 3 }} data-empty-queue>
          Nothing here. The queue is clear.
        </Typography>
      )}
      <Datagrid
        data={rows}
        rowClick={(id) => {
          move(rowIndex.get(String(id)) ?? 0);
          setDrawer(true);
          return false;
        }}
        bulkActionButtons={<BulkDecisionButtons />}
        rowSx={(record) =>
          record.id === focused?.id
            ? { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2, bgcolor: 'action.hover' }
            : {}
        }
        empty={<></>}
      >
        <FunctionField<QueueRow>
          label=""
          sortable={false}
          render={(r) => (
            <Box component="span" data-row-focused={r.id === focused?.id ? 'true' : undefined} data-row-id={r.id} sx={{ color: 'primary.main', fontWeight: 700, whiteSpace: 'nowrap' }}>
              {r.id === focused?.id ? '▶' : ''}
              <RowPresence commentId={r.id} />
            </Box>
          )}
        />
        {/* One queue is one status: the column would repeat it on every row. A row a colleague's decision moved
            (kept in place, not pulled from under the cursor) shows its new status beside its flags instead. */}
        {!queueStatus && <FunctionField<QueueRow> source="status" label="Status" render={(r) => <StatusChip status={r.status} />} />}
        <NumberField
          source="priority"
          label={
            <Explained name="priority-header" help={PRIORITY_HELP}>
              Priority
            </Explained>
          }
          options={{ maximumFractionDigits: 2 }}
        />
        <FunctionField<QueueRow>
          source="authorName"
          label="Author"
          render={(r) => (
            <>
              <AuthorFilterLink record={r} />
              {r.byArticleAuthor && (
                <Box component="span" sx={{ display: 'block' }}>
                  <ArticleAuthorBadge comment={r} />
                </Box>
              )}
            </>
          )}
        />
        <FunctionField<QueueRow>
          label="Comment"
          sortable={false}
          render={(r) => (
            <Box sx={{ maxWidth: 440 }}>
              {titleOf(r) && (
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {r.title}
                </Typography>
              )}
              <Typography variant="body2" color="text.secondary">
                {excerpt(r.body)}
              </Typography>
            </Box>
          )}
        />
        <FunctionField<QueueRow> label="Article" sortable={false} render={(r) => <ArticleFilterLink record={r} />} />
        <FunctionField<QueueRow>
          label="Flags"
          sortable={false}
          render={(r) => (
            <>
              {queueStatus && r.status !== queueStatus && (
                <Box component="span" data-moved-status sx={{ mr: 0.5 }}>
                  <StatusChip status={r.status} />
                </Box>
              )}
              <FlagChips flags={r.flags} reports={r.openReports} />
            </>
          )}
        />
        <DateField source="receivedAt" label="Received" showTime />
      </Datagrid>
      <CardDrawer
        id={cardId}
        onClose={() => {
          setPinned(null);
          setDrawer(false);
        }}
        onApprove={() => act('approve')}
        onHide={() => setDialog('hide')}
        onReply={() => setDialog('reply')}
      />
      <HideDialog
        open={dialog === 'hide'}
        onClose={() => setDialog(null)}
        onHide={(reason) => {
          setDialog(null);
          act('hide', reason);
        }}
      />
      <ReplyDialog comment={dialog === 'reply' ? (current ?? null) : null} open={dialog === 'reply'} onClose={() => setDialog(null)} />
      <ShortcutsDialog open={dialog === 'keys'} onClose={() => setDialog(null)} />
      {selectedIds.length > 0 && <span hidden data-selected={selectedIds.length} />}
    </Box>
  );
};

const QueueTitle = () => {
  const { filterValues } = useListContext();
  const queue = queueOf(filterValues);
  return <>{queue ? QUEUE_LABEL[queue] : 'Comments'}</>;
};

const ListActions = () => (
  <TopToolbar>
    <Tooltip title="Keyboard shortcuts (?)">
      <MuiButton size="small" startIcon={<KeyboardIcon />} onClick={() => document.dispatchEvent(new KeyboardEvent('keydown', { key: '?' }))}>
        Keys
      </MuiButton>
    </Tooltip>
    <FilterButton />
    <ExportQueueButton />
  </TopToolbar>
);

/** The moderation queue. Opens on Flagged, highest priority first; the menu switches queues. */
export const CommentList = () => (
  <List
    filters={commentFilters}
    filterDefaultValues={{ status: ['flagged'] }}
    actions={<ListActions />}
    sort={{ field: 'priority', order: 'DESC' }}
    perPage={25}
    title={<QueueTitle />}
    empty={false}
  >
    <QueueView />
  </List>
);

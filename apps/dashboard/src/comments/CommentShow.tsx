import { Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import type { CommentDetail, CommentRecord, FlagRecord, ModerationEventRecord } from '@sift/shared';
import type { ReactNode } from 'react';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { spansFor } from './evidence';
import { FlagChip } from './FlagChips';
import { HighlightedText } from './HighlightedText';
import { StatusChip } from './StatusChip';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const formatTime = (iso: string) => dateTime.format(new Date(iso));

const Section = ({ name, title, children }: { name: string; title: string; children: ReactNode }) => (
  <Card variant="outlined" component="section" data-section={name}>
    <CardContent>
      <Typography variant="overline" color="text.secondary" component="h2">
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** The comment as submitted, with every rule's evidence marked where it matched. */
const CommentText = ({ comment }: { comment: CommentRecord }) => (
  <Section name="comment" title="Comment">
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }} useFlexGap>
      <StatusChip status={comment.status} />
      <Typography variant="subtitle2">{comment.authorName}</Typography>
      <Typography variant="body2" color="text.secondary">
        on “{comment.articleTitle}” ({comment.articleExternalId}) · received {formatTime(comment.receivedAt)} · priority{' '}
        {comment.priority}
      </Typography>
    </Stack>
    {comment.title && (
      <Typography variant="h6" component="p" data-field="title" sx={{ mb: 1 }}>
        <HighlightedText text={comment.title} spans={spansFor(comment.flags, 'title')} />
      </Typography>
    )}
    <Typography variant="body1" component="div" data-field="body" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <HighlightedText text={comment.body} spans={spansFor(comment.flags, 'body')} />
    </Typography>
  </Section>
);

const Flag = ({ flag }: { flag: FlagRecord }) => (
  <Box data-flag={flag.ruleName}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <FlagChip flag={flag} />
      <Typography variant="body2" color="text.secondary">
        {flag.ruleType} rule v{flag.ruleVersion} · {flag.outcome === 'error' ? 'error' : `score ${flag.score} / threshold ${flag.threshold}`} ·{' '}
        {flag.mode === 'shadow' ? 'shadow mode' : `action: ${flag.action}`}
      </Typography>
    </Stack>
    <Typography variant="body2" sx={{ mt: 0.5 }}>
      {flag.evidence.summary}
    </Typography>
  </Box>
);

const Flags = ({ flags }: { flags: readonly FlagRecord[] }) => (
  <Section name="flags" title="Triage flags">
    {flags.length === 0 ? (
      <Typography variant="body2" color="text.secondary">
        No rule fired on this comment.
      </Typography>
    ) : (
      <Stack spacing={1.5} divider={<Divider flexItem />}>
        {flags.map((flag) => (
          <Flag key={flag.id} flag={flag} />
        ))}
      </Stack>
    )}
  </Section>
);

const ParentComment = ({ parent }: { parent: NonNullable<CommentDetail['parent']> }) => (
  <Section name="parent" title="In reply to">
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
      <StatusChip status={parent.status} />
      <Typography variant="subtitle2">{parent.authorName}</Typography>
    </Stack>
    {parent.title && (
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {parent.title}
      </Typography>
    )}
    <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parent.body}
    </Typography>
  </Section>
);

const actorLabel = (e: ModerationEventRecord) =>
  e.actorType === 'user' ? (e.actorName ?? 'a moderator') : e.actorType === 'rule' ? 'triage rules' : 'system';

const transitionLabel = (e: ModerationEventRecord) =>
  e.fromStatus === null && e.toStatus === 'pending'
    ? 'received'
    : e.toStatus === null
      ? 'note'
      : `${e.fromStatus ?? '—'} → ${e.toStatus}`;

/** Who moved the comment, when, and why: oldest first. */
const AuditTrail = ({ events }: { events: readonly ModerationEventRecord[] }) => (
  <Section name="events" title="Audit trail">
    <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {events.map((e) => (
        <Box component="li" key={e.id} data-event={e.actorType}>
          <Typography variant="body2">
            <strong>{transitionLabel(e)}</strong> by {actorLabel(e)}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {formatTime(e.createdAt)}
          </Typography>
          {e.reason && e.reason !== transitionLabel(e) && <Typography variant="body2">{e.reason}</Typography>}
        </Box>
      ))}
    </Stack>
  </Section>
);

/**
 * Opened from the list, the record first comes from the list's cache (a CommentRecord) while the detail loads:
 * the parent and the audit trail appear when it has.
 */
type ShownComment = CommentRecord & Partial<Pick<CommentDetail, 'parent' | 'events'>>;

const CommentDetailView = () => {
  const comment = useRecordContext<ShownComment>();
  if (!comment) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(0, 2fr)' }, p: 2 }}>
      <Stack spacing={2}>
        <CommentText comment={comment} />
        {comment.parent && <ParentComment parent={comment.parent} />}
      </Stack>
      <Stack spacing={2}>
        <Flags flags={comment.flags} />
        {comment.events && <AuditTrail events={comment.events} />}
      </Stack>
    </Box>
  );
};

const CommentTitle = () => {
  const comment = useRecordContext<CommentRecord>();
  return <>{comment ? `Comment by ${comment.authorName}` : 'Comment'}</>;
};

export const CommentShow = () => (
  <Show
    title={<CommentTitle />}
    actions={
      <TopToolbar>
        <ListButton label="Back to the queue" />
      </TopToolbar>
    }
  >
    <CommentDetailView />
  </Show>
);

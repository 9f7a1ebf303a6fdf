import { Box, Button, Card, CardContent, Chip, Divider, Link, Stack, Tooltip, Typography } from '@mui/material';
import type { AuditEventRecord, AuthorHistoryItem, CommentDetail, CommentRecord, FlagRecord, ModerationCommentDetail } from '@sift/shared';
import { type ReactNode, useState } from 'react';
import { AuthorActions, AuthorStatusChip } from './AuthorPanel';
import { spansFor } from './evidence';
import { FlagChip } from './FlagChips';
import { HighlightedText, RuleLegend, rulesOf } from './HighlightedText';
import { ReportsSection } from './ReportsSection';
import { StatusChip } from './StatusChip';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = (iso: string) => dateTime.format(new Date(iso));
const showHref = (id: string) => `#/comments/${id}/show`;

export const Section = ({ name, title, children, action }: { name: string; title: string; children: ReactNode; action?: ReactNode }) => (
  <Card variant="outlined" component="section" data-section={name}>
    <CardContent sx={{ '&:last-child': { pb: 2 } }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography variant="overline" color="text.secondary" component="h2" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </CardContent>
  </Card>
);

/** Longer than this, the text is folded to FOLDED_HEIGHT with a button to show it all (the reasons stay in view). */
const FOLD_CHARS = 700;
const FOLDED_HEIGHT = '11em';

/** The comment's title, or null when it has none or it only repeats the body (a comment posted as a title alone). */
export const titleOf = (c: Pick<CommentRecord, 'title' | 'body'>) => (c.title && c.title.trim() !== c.body.trim() ? c.title : null);

export const PRIORITY_HELP =
  'Queue order, highest first: the sum over the rules that hit of severity × score / threshold (each capped at 3). 0 when no rule hit.';
export const versionHelp = (v: number) =>
  `Version ${v} of this comment: it goes up with every status change. A decision names the version it was made on, so a colleague's decision in between is a conflict, not an overwrite.`;

/** "article's author": the comment is posted under the name on the article's byline. */
export const ArticleAuthorBadge = ({ comment }: { comment: Pick<CommentRecord, 'byArticleAuthor'> }) =>
  comment.byArticleAuthor ? (
    <Tooltip title="Posted under the name on the article's byline (a name, not a verified account)">
      <Chip size="small" color="secondary" variant="outlined" label="article's author" data-article-author />
    </Tooltip>
  ) : null;

/** A dotted underline: hover or focus it for its explanation. */
export const Explained = ({ help, children, name }: { help: string; children: ReactNode; name: string }) => (
  <Tooltip title={help}>
    <Box component="span" tabIndex={0} data-explained={name} sx={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}>
      {children}
    </Box>
  </Tooltip>
);

/** The comment as submitted, with every rule's evidence marked where it matched; the legend names each rule once. */
const CommentText = ({ comment, actions }: { comment: CommentRecord; actions?: ReactNode }) => {
  const long = comment.body.length > FOLD_CHARS;
  const [folded, setFolded] = useState(long);
  const title = titleOf(comment);
  const titleSpans = title ? spansFor(comment.flags, 'title') : [];
  const bodySpans = spansFor(comment.flags, 'body');
  const rules = rulesOf([...titleSpans, ...bodySpans]);
  return (
    <Section name="comment" title="Comment" action={actions}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }} useFlexGap>
        <StatusChip status={comment.status} />
        {comment.authorRole === 'staff' && <Chip size="small" color="primary" label="staff" />}
        <Typography variant="subtitle2">{comment.authorName}</Typography>
        <ArticleAuthorBadge comment={comment} />
        <Typography variant="body2" color="text.secondary">
          on “{comment.articleTitle}” · received {formatTime(comment.receivedAt)} ·{' '}
          <Explained name="priority" help={PRIORITY_HELP}>
            priority {Math.round(comment.priority * 100) / 100}
          </Explained>{' '}
          ·{' '}
          <Explained name="version" help={versionHelp(comment.version)}>
            v{comment.version}
          </Explained>
        </Typography>
      </Stack>
      <RuleLegend rules={rules} />
      {title && (
        <Typography variant="h6" component="p" data-field="title" sx={{ mb: 1 }}>
          <HighlightedText text={title} spans={titleSpans} rules={rules} />
        </Typography>
      )}
      <Typography
        variant="body1"
        component="div"
        data-field="body"
        data-folded={folded ? 'true' : undefined}
        sx={{
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          lineHeight: 1.9,
          ...(folded && { maxHeight: FOLDED_HEIGHT, overflow: 'hidden', maskImage: 'linear-gradient(to bottom, black 70%, transparent)' }),
        }}
      >
        <HighlightedText text={comment.body} spans={bodySpans} rules={rules} />
      </Typography>
      {long && (
        <Button size="small" onClick={() => setFolded(!folded)} aria-expanded={!folded} data-fold>
          {folded ? `Show the whole comment (${comment.body.length.toLocaleString()} characters)` : 'Fold the comment'}
        </Button>
      )}
    </Section>
  );
};

const Flag = ({ flag }: { flag: FlagRecord }) => (
  <Box data-flag={flag.ruleName}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <FlagChip flag={flag} />
      <Typography variant="body2" color="text.secondary">
        {flag.ruleType} rule{' '}
        <Explained name="rule-version" help={`Version ${flag.ruleVersion} of the rule “${flag.ruleName}” made this flag; every saved change of a rule is a new version (Rules → the rule → Versions).`}>
          v{flag.ruleVersion}
        </Explained>{' '}
        · {flag.outcome === 'error' ? 'error' : `score ${round(flag.score)} / threshold ${round(flag.threshold)}`} ·{' '}
        {flag.mode === 'shadow' ? 'shadow mode' : `action: ${flag.action}`}
      </Typography>
    </Stack>
    <Typography variant="body2" sx={{ mt: 0.5 }}>
      {flag.evidence.summary}
    </Typography>
  </Box>
);
const round = (n: number) => Math.round(n * 1000) / 1000;

const Flags = ({ flags }: { flags: readonly FlagRecord[] }) => (
  <Section name="flags" title="Why it is here">
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
    {titleOf(parent) && (
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {parent.title}
      </Typography>
    )}
    <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parent.body}
    </Typography>
  </Section>
);

const Replies = ({ replies }: { replies: ModerationCommentDetail['replies'] }) => (
  <Section name="replies" title={`Replies (${replies.length})`}>
    <Stack spacing={1}>
      {replies.map((r) => (
        <Box key={r.id} data-reply={r.id}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <StatusChip status={r.status} />
            {r.staff && <Chip size="small" color="primary" label="staff" />}
            <Typography variant="subtitle2">{r.authorName}</Typography>
            <Typography variant="caption" color="text.secondary">
              {formatTime(r.receivedAt)}
            </Typography>
          </Stack>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {r.body}
          </Typography>
        </Box>
      ))}
    </Stack>
  </Section>
);

const decidedLabel = (h: AuthorHistoryItem) =>
  h.decidedByType === 'user' ? `by ${h.decidedBy}` : h.decidedByType === 'rule' ? 'by the rules' : 'not decided yet';

const AuthorSection = ({ detail }: { detail: ModerationCommentDetail }) => (
  <Section name="author" title="Author">
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }} useFlexGap>
      <Typography variant="subtitle2">{detail.author.displayName}</Typography>
      <AuthorStatusChip status={detail.author.status} />
      <Typography variant="body2" color="text.secondary">
        {detail.author.total} comment{detail.author.total === 1 ? '' : 's'} · {detail.author.approved} approved · {detail.author.hidden} hidden · {detail.author.flagged} flagged
      </Typography>
    </Stack>
    <AuthorActions author={detail.author} />
    {detail.history.length > 0 && (
      <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, mt: 2, mb: 0 }} data-section="history">
        {detail.history.map((h) => (
          <Box component="li" key={h.id} data-history={h.status}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <StatusChip status={h.status} />
              <Typography variant="caption" color="text.secondary">
                {decidedLabel(h)}
                {h.reason ? ` — ${h.reason}` : ''} · {formatTime(h.receivedAt)} · {h.articleTitle}
              </Typography>
            </Stack>
            <Link href={showHref(h.id)} variant="body2" color="text.primary" underline="hover" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
              {h.body.length > 160 ? `${h.body.slice(0, 160)}…` : h.body}
            </Link>
          </Box>
        ))}
      </Stack>
    )}
  </Section>
);

const actorLabel = (e: AuditEventRecord) =>
  e.actorType === 'user' ? (e.actorName ?? 'a moderator') : e.actorType === 'rule' ? 'triage rules' : 'system';

const transitionLabel = (e: AuditEventRecord) =>
  e.fromStatus === null && e.toStatus === 'pending'
    ? 'received'
    : e.fromStatus === null && e.toStatus !== null
      ? `published ${e.toStatus}`
      : e.toStatus === null
        ? (e.reason ?? 'note')
        : `${e.fromStatus ?? '—'} → ${e.toStatus}`;

/** Who moved the comment, when, and why: oldest first. Replies link both ways. */
const AuditTrail = ({ events }: { events: readonly AuditEventRecord[] }) => (
  <Section name="events" title="Audit trail">
    <Stack component="ol" spacing={1.25} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {events.map((e) => {
        const replyId = typeof e.details?.replyId === 'string' ? e.details.replyId : null;
        const inReplyTo = typeof e.details?.inReplyTo === 'string' ? e.details.inReplyTo : null;
        return (
          <Box component="li" key={e.id} data-event={e.actorType}>
            <Typography variant="body2">
              <strong>{transitionLabel(e)}</strong> by {actorLabel(e)}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {formatTime(e.createdAt)}
              </Typography>
            </Typography>
            {e.reason && e.toStatus !== null && e.reason !== transitionLabel(e) && <Typography variant="body2">{e.reason}</Typography>}
            {typeof e.details?.campaign === 'string' && (
              <Link href={`#/campaigns/${e.details.campaign}/show`} variant="body2" data-campaign-event={e.details.undo ? 'undo' : e.details.keepHiding ? 'keep' : 'decision'}>
                {e.details.undo
                  ? 'undoing a decision on its whole campaign'
                  : e.details.keepHiding
                    ? 'joined a campaign the moderators keep hidden'
                    : `decided with its whole campaign${typeof e.details.campaignSize === 'number' ? ` (${e.details.campaignSize} comments)` : ''}`}
              </Link>
            )}
            {replyId && (
              <Link href={showHref(replyId)} variant="body2" data-reply-link={replyId}>
                see the reply
              </Link>
            )}
            {inReplyTo && (
              <Link href={showHref(inReplyTo)} variant="body2">
                see the comment it answers
              </Link>
            )}
          </Box>
        );
      })}
    </Stack>
  </Section>
);

export interface CardActionsProps {
  onApprove(): void;
  onHide(): void;
  onReply(): void;
}

export const DecisionButtons = ({ comment, onApprove, onHide, onReply }: CardActionsProps & { comment: CommentRecord }) => (
  <Stack direction="row" spacing={1}>
    <Button
      size="small"
      variant="contained"
      color="success"
      onClick={onApprove}
      disabled={comment.status === 'approved' && !comment.openReports}
      title={comment.openReports ? 'Keep it published and clear the reports (a)' : 'Approve (a)'}
    >
      {comment.status === 'approved' && comment.openReports ? 'Approve (keep)' : 'Approve'}
    </Button>
    <Button size="small" variant="contained" color="error" onClick={onHide} disabled={comment.status === 'hidden'} title="Hide (h)">
      Hide
    </Button>
    <Button size="small" variant="outlined" onClick={onReply} title="Reply as staff (r)">
      Reply
    </Button>
  </Stack>
);

/**
 * The card: the comment with its evidence in place, every flag (rule, version, score, threshold), the article and
 * parent, replies, the author (lists, stats, history with how each was decided) and the audit trail.
 * Opened from the list, the record may first be the list's row while the full card loads.
 */
export const CommentCard = ({ comment, actions, layout = 'drawer' }: { comment: CommentRecord | ModerationCommentDetail; actions?: ReactNode; layout?: 'drawer' | 'page' }) => {
  const detail = 'audit' in comment ? comment : null;
  const main = (
    <Stack spacing={2}>
      {/* The reasons first: on a long comment they would otherwise be screens below (issue 17, item 12). */}
      {comment.flags.length > 0 && <Flags flags={comment.flags} />}
      <CommentText comment={comment} actions={actions} />
      {detail && <ReportsSection reports={detail.reports} />}
      {detail?.parent && <ParentComment parent={detail.parent} />}
      {comment.flags.length === 0 && <Flags flags={comment.flags} />}
      {detail && detail.replies.length > 0 && <Replies replies={detail.replies} />}
    </Stack>
  );
  const side = detail && (
    <Stack spacing={2}>
      <AuthorSection detail={detail} />
      <AuditTrail events={detail.audit} />
    </Stack>
  );
  return layout === 'page' ? (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(0, 2fr)' }, p: 2 }}>
      {main}
      {side}
    </Box>
  ) : (
    <Stack spacing={2} sx={{ p: 2 }} data-card={comment.id}>
      {main}
      {side}
    </Stack>
  );
};

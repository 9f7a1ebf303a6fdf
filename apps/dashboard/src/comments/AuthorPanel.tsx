import { Button, ButtonGroup, Chip, Stack, Typography } from '@mui/material';
import type { AuthorListStatus, AuthorRecord } from '@sift/shared';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import { SuspensionControl } from '../authors/Suspension';
import type { SiftDataProvider } from '../providers/dataProvider';

export const AUTHOR_STATUS_LABEL: Record<AuthorListStatus, string> = {
  blocked: 'Blocked',
  review: 'Always review',
  trusted: 'Trusted',
};
const COLOR = { blocked: 'error', review: 'warning', trusted: 'success' } as const;

export const AuthorStatusChip = ({ status }: { status: AuthorListStatus | null }) =>
  status ? <Chip size="small" color={COLOR[status]} label={AUTHOR_STATUS_LABEL[status]} data-author-status={status} /> : null;

const HELP: Record<AuthorListStatus, string> = {
  blocked: 'Their future comments are hidden by the author rule',
  review: 'Their future comments always wait for a moderator',
  trusted: 'Their future comments skip pre-moderation; the rules still check each one',
};

/** The buttons say what they do before the click: "Trust" is about pre-moderation, not the rules. */
const BUTTON: Record<AuthorListStatus, string> = {
  blocked: 'Block',
  review: 'Always review',
  trusted: 'Trust: skip pre-moderation',
};

/** Block, always-review or trust the author (future comments only), or take them off every list. */
export const AuthorActions = ({ author }: { author: AuthorRecord }) => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const set = async (status: AuthorListStatus | null) => {
    try {
      await dataProvider.setAuthorStatus(author.id, status);
      notify(status ? `${author.displayName}: ${AUTHOR_STATUS_LABEL[status].toLowerCase()}` : `${author.displayName} is on no list`, { type: 'success' });
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      refresh();
    }
  };
  return (
    <Stack spacing={1}>
      <ButtonGroup size="small" variant="outlined" aria-label="Author lists">
        {(['blocked', 'review', 'trusted'] as const).map((s) => (
          <Button
            key={s}
            title={HELP[s]}
            color={COLOR[s]}
            variant={author.status === s ? 'contained' : 'outlined'}
            onClick={() => void set(author.status === s ? null : s)}
          >
            {BUTTON[s]}
          </Button>
        ))}
      </ButtonGroup>
      {author.status ? (
        <Typography variant="caption" color="text.secondary">
          {HELP[author.status]}
          {author.updatedByName ? ` · set by ${author.updatedByName}` : ''} · click again to clear
        </Typography>
      ) : (
        <Typography variant="caption" color="text.secondary" data-trust-help>
          Trusting skips pre-moderation only: the rules still check every comment (a hide rule still hides).
        </Typography>
      )}
      <SuspensionControl author={author} />
    </Stack>
  );
};

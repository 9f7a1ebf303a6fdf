import { Box, Chip, Stack, Typography } from '@mui/material';
import type { CommentReportRecord } from '@sift/shared';
import { formatTime, Section } from './CommentCard';

/**
 * Open reader reports of a published comment (docs/reader.md, "Reports"): how many, why (count per reason) and the
 * readers' notes. "Approve" keeps the comment and "Hide" takes it down; either resolves every open report.
 */
export const ReportsSection = ({ reports }: { reports: readonly CommentReportRecord[] }) => {
  if (reports.length === 0) return null;
  const byReason = new Map<string, number>();
  for (const r of reports) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  const notes = reports.filter((r) => r.note);
  return (
    <Section name="reports" title={`Reported by ${reports.length} reader${reports.length === 1 ? '' : 's'}`}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
        {[...byReason].map(([reason, n]) => (
          <Chip key={reason} size="small" color="warning" variant="outlined" data-report-reason={reason} label={n > 1 ? `${reason} × ${n}` : reason} />
        ))}
      </Stack>
      {notes.length > 0 && (
        <Stack component="ul" spacing={0.75} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {notes.map((r) => (
            <Box component="li" key={r.id} data-report-note>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                “{r.note}”
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {r.reason} · {formatTime(r.createdAt)}
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Still published. Approve keeps it; Hide takes it down. Either clears these reports.
      </Typography>
    </Section>
  );
};

import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { type HomeStats, type Queue, type QueueCounts, QUEUES } from '@sift/shared';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QUEUE_LABEL } from '../layout/queues';

/**
 * Home's charts (recharts), in their own chunk: loaded after sign-in beside the rest, never in the way of the queue
 * (the sign-in page and the queue do not wait for it; docs/benchmarks.md, "Queue interactive after sign-in").
 */
const hourLabel = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Each queue's colour, the same as its status chip's (MUI's warning, success, error …), readable in both themes. */
const QUEUE_COLOUR: Record<Exclude<Queue, 'all'>, string> = {
  flagged: '#ed6c02',
  reported: '#d81b60',
  pending: '#757575',
  approved: '#2e7d32',
  hidden: '#d32f2f',
};
const CHART_HEIGHT = 240;

/** A chart's panel; `empty` replaces the chart with a line that says there is nothing to draw, and why. */
const Panel = ({ title, name, empty, wide, children }: { title: string; name: string; empty?: string | false; wide?: boolean; children: React.ReactNode }) => (
  <Card variant="outlined" data-panel={name} sx={{ minWidth: 0, ...(wide && { gridColumn: '1 / -1' }) }}>
    <CardContent>
      <Typography variant="overline" color="text.secondary" component="h2">
        {title}
      </Typography>
      {empty ? (
        <Stack sx={{ height: CHART_HEIGHT, alignItems: 'center', justifyContent: 'center', border: 1, borderColor: 'divider', borderStyle: 'dashed', borderRadius: 1 }} data-no-data>
          <Typography variant="body2" color="text.secondary">
            No data: {empty}
          </Typography>
        </Stack>
      ) : (
        children
      )}
    </CardContent>
  </Card>
);

export function HomeCharts({ stats, counts }: { stats: HomeStats | undefined; counts: QueueCounts | undefined }) {
  const queues = QUEUES.filter((q) => q !== 'all').map((q) => ({ id: q, queue: QUEUE_LABEL[q], count: counts?.[q] ?? stats?.counts[q] ?? 0 }));
  const hours = (stats?.perHour ?? []).map((h) => ({ ...h, label: hourLabel(h.hour), medianMinutes: h.medianDecisionSeconds === null ? null : Math.round(h.medianDecisionSeconds / 6) / 10 }));
  // minmax(0, 1fr): a grid column may shrink below its chart's last measured width (plain 1fr keeps a chart's width
  // as its minimum, and the charts piled into one column).
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
      <Panel title="Queue sizes" name="queues" empty={stats !== undefined && queues.every((q) => q.count === 0) && 'every queue is empty'}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={queues}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="queue" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name="comments" isAnimationActive={false}>
              {queues.map((q) => (
                <Cell key={q.id} fill={QUEUE_COLOUR[q.id]} data-queue-bar={q.id} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Panel>
      <Panel
        title="Median time to decision, per hour (minutes)"
        name="median"
        empty={stats !== undefined && hours.every((h) => h.medianMinutes === null) && 'no moderator decisions in the last 24 hours'}
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={hours}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={24} />
            <YAxis />
            <Tooltip />
            <Line type="monotone" dataKey="medianMinutes" name="median minutes" stroke="#9c27b0" connectNulls dot isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Panel>
      {/* 24 hours × 3 series: the whole width, so each hour keeps a readable group of bars. */}
      <Panel
        wide
        title="Comments per hour (last 24 h)"
        name="per-hour"
        empty={stats !== undefined && hours.every((h) => h.received + h.flagged + h.decided === 0) && 'no comments received or decided in the last 24 hours'}
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={hours} barCategoryGap="15%">
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={16} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="received" name="received" fill="#1976d2" isAnimationActive={false} />
            <Bar dataKey="flagged" name="flagged by rules" fill="#ed6c02" isAnimationActive={false} />
            <Bar dataKey="decided" name="decided by moderators" fill="#2e7d32" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Panel>
    </Box>
  );
}

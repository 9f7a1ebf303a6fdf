import { Box, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { type HomeStats, type Queue, QUEUES } from '@sift/shared';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QUEUE_LABEL, queuePath } from '../layout/queues';
import type { SiftDataProvider } from '../providers/dataProvider';
import { COUNTS_KEY, useQueueCounts } from '../providers/live';

const hourLabel = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
const duration = (s: number | null) => (s === null ? '—' : s < 90 ? `${Math.round(s)} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

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

/** Home: queue sizes (live), comments per hour and the median time to a moderator's decision over 24 hours. */
export const Home = () => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const counts = useQueueCounts();
  const { data: stats } = useQuery<HomeStats>({ queryKey: [...COUNTS_KEY, 'home'], queryFn: () => dataProvider.homeStats(), refetchInterval: 60_000 });
  const queues = QUEUES.filter((q) => q !== 'all').map((q) => ({ id: q, queue: QUEUE_LABEL[q], count: counts?.[q] ?? stats?.counts[q] ?? 0 }));
  const hours = (stats?.perHour ?? []).map((h) => ({ ...h, label: hourLabel(h.hour), medianMinutes: h.medianDecisionSeconds === null ? null : Math.round(h.medianDecisionSeconds / 6) / 10 }));
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Home" />
      <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        {QUEUES.map((q) => (
          <Card key={q} variant="outlined" sx={{ minWidth: 150 }} data-queue-size={q}>
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                {QUEUE_LABEL[q]}
              </Typography>
              <Typography variant="h4" component="p">
                <Link href={`#${queuePath(q)}`} underline="hover" color="inherit">
                  {(counts?.[q] ?? stats?.counts[q] ?? 0).toLocaleString()}
                </Link>
              </Typography>
            </CardContent>
          </Card>
        ))}
        <Card variant="outlined" sx={{ minWidth: 220 }} data-median>
          <CardContent>
            <Typography variant="overline" color="text.secondary">
              Median time to decision (24 h)
            </Typography>
            <Typography variant="h4" component="p">
              {duration(stats?.medianDecisionSeconds ?? null)}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {stats?.decisions24h ?? 0} moderator decisions
            </Typography>
          </CardContent>
        </Card>
      </Stack>
      {/* minmax(0, 1fr): a grid column may shrink below its chart's last measured width (plain 1fr keeps a chart's
          width as its minimum, and the charts piled into one column). */}
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
    </Box>
  );
};

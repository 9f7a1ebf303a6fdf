import { Box, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { type HomeStats, QUEUES } from '@sift/shared';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QUEUE_LABEL, queuePath } from '../layout/queues';
import type { SiftDataProvider } from '../providers/dataProvider';
import { COUNTS_KEY, useQueueCounts } from '../providers/live';

const hourLabel = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
const duration = (s: number | null) => (s === null ? '—' : s < 90 ? `${Math.round(s)} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

const Panel = ({ title, name, children }: { title: string; name: string; children: React.ReactNode }) => (
  <Card variant="outlined" data-panel={name}>
    <CardContent>
      <Typography variant="overline" color="text.secondary" component="h2">
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** Home: queue sizes (live), comments per hour and the median time to a moderator's decision over 24 hours. */
export const Home = () => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const counts = useQueueCounts();
  const { data: stats } = useQuery<HomeStats>({ queryKey: [...COUNTS_KEY, 'home'], queryFn: () => dataProvider.homeStats(), refetchInterval: 60_000 });
  const queues = QUEUES.filter((q) => q !== 'all').map((q) => ({ queue: QUEUE_LABEL[q], count: counts?.[q] ?? stats?.counts[q] ?? 0 }));
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
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <Panel title="Queue sizes" name="queues">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={queues}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="queue" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name="comments" fill="#ed6c02" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Panel>
        <Panel title="Comments per hour (last 24 h)" name="per-hour">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={hours}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" interval={3} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="received" name="received" fill="#1976d2" isAnimationActive={false} />
              <Bar dataKey="flagged" name="flagged by rules" fill="#ed6c02" isAnimationActive={false} />
              <Bar dataKey="decided" name="decided by moderators" fill="#2e7d32" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Panel>
        <Panel title="Median time to decision, per hour (minutes)" name="median">
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={hours}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" interval={3} />
              <YAxis />
              <Tooltip />
              <Line type="monotone" dataKey="medianMinutes" name="median minutes" stroke="#9c27b0" connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </Panel>
      </Box>
    </Box>
  );
};

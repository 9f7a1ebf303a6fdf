import { Box, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { type HomeStats, QUEUES } from '@sift/shared';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Title, useDataProvider } from 'react-admin';
import { QUEUE_LABEL, queuePath } from '../layout/queues';
import type { SiftDataProvider } from '../providers/dataProvider';
import { COUNTS_KEY, useQueueCounts } from '../providers/live';

/** The charts (recharts, the largest library here) load in their own chunk, after the page is up. */
const HomeCharts = lazy(() => import('./HomeCharts').then((m) => ({ default: m.HomeCharts })));
const duration = (s: number | null) => (s === null ? '—' : s < 90 ? `${Math.round(s)} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

/** Home: queue sizes (live), comments per hour and the median time to a moderator's decision over 24 hours. */
export const Home = () => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const counts = useQueueCounts();
  const { data: stats } = useQuery<HomeStats>({ queryKey: [...COUNTS_KEY, 'home'], queryFn: () => dataProvider.homeStats(), refetchInterval: 60_000 });
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
      <Suspense fallback={<Box sx={{ minHeight: 300 }} />}>
        <HomeCharts stats={stats} counts={counts} />
      </Suspense>
    </Box>
  );
};

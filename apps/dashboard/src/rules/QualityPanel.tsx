import { Box, Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-admin';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pct, rulesApi } from './api';

/** Hits per day and the moderators' override rate (30 days); for a shadow rule, what it would have done. */
export const QualityPanel = ({ ruleId }: { ruleId: string }) => {
  const { data } = useQuery({ queryKey: ['quality', ruleId], queryFn: () => rulesApi.quality(ruleId) });
  if (!data) return null;
  const t = data.totals;
  return (
    <Card data-panel="quality">
      <CardContent>
        <Typography variant="h6">Quality (30 days)</Typography>
        <Typography variant="body2" sx={{ mb: 1 }} data-shadow-summary={data.mode === 'shadow' ? '' : undefined}>
          {data.mode === 'shadow' ? `In shadow mode it would have ${data.action === 'hide' ? 'hidden' : 'flagged'} ${t.hits} comments. ` : `${t.hits} hits. `}
          Moderators then hid {t.hidden} and approved {t.approved} (override rate {pct(t.overrideRate)}); {t.undecided} not decided by a person.
        </Typography>
        <Box sx={{ height: 200 }}>
          <ResponsiveContainer>
            <ComposedChart data={data.days}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" tick={{ fontSize: 10 }} />
              <YAxis yAxisId="n" allowDecimals={false} />
              <YAxis yAxisId="r" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
              <Tooltip />
              <Legend />
              <Bar yAxisId="n" dataKey="hits" name="hits" fill="#ed6c02" isAnimationActive={false} />
              <Line yAxisId="r" dataKey="overrideRate" name="override rate" stroke="#1976d2" connectNulls isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </Box>
        {data.shadowExamples.length > 0 && (
          <>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              Shadow hits and what became of them
            </Typography>
            <List dense>
              {data.shadowExamples.map((e) => (
                <ListItem key={e.id} disableGutters>
                  <ListItemText primary={<Link to={`/comments/${e.id}/show`}>{e.excerpt}</Link>} secondary={`${e.status}${e.decidedBy ? ` by ${e.decidedBy === 'user' ? 'a moderator' : 'the rules'}` : ''}`} />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </CardContent>
    </Card>
  );
};

import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { RuleDraft, RuleTestResponse } from '@sift/shared';
import { useState } from 'react';
import { HighlightedText } from '../comments/HighlightedText';
import type { RuleSpan } from '../comments/evidence';
import { errorText, rulesApi } from './api';

/** Paste a comment (and optionally the article): every verdict of the draft being edited, evidence highlighted. */
export const RuleTester = ({ draft }: { draft: RuleDraft }) => {
  const [body, setBody] = useState('');
  const [article, setArticle] = useState('');
  const [result, setResult] = useState<{ text: string; res: RuleTestResponse } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    try {
      setError(null);
      const res = await rulesApi.test({ comment: { body }, article: article ? { title: '', body: article } : undefined, rules: [draft] });
      setResult({ text: body, res });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const spans: RuleSpan[] = (result?.res.results ?? []).flatMap((r) =>
    r.outcome === 'hit' ? (r.evidence.spans ?? []).filter((s) => s.field === 'body').map((s) => ({ ...s, ruleName: r.name })) : [],
  );
  return (
    <Card data-panel="tester">
      <CardContent>
        <Typography variant="h6">Tester</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Runs the draft above (not only the saved version) with the same engine as the worker. History rules see no history here.
        </Typography>
        <Stack spacing={2}>
          <TextField label="Comment" name="tester.body" multiline minRows={2} value={body} onChange={(e) => setBody(e.target.value)} />
          <TextField label="Article text (optional)" name="tester.article" multiline minRows={1} value={article} onChange={(e) => setArticle(e.target.value)} />
          <Box>
            <Button variant="contained" onClick={() => void run()} disabled={!body.trim()}>
              Test
            </Button>
          </Box>
          {error && <Alert severity="error">{error}</Alert>}
          {result && (
            <>
              <Box data-tester-text sx={{ p: 1.5, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap' }}>
                <HighlightedText text={result.text} spans={spans} />
              </Box>
              <Table size="small" data-tester-results>
                <TableHead>
                  <TableRow>
                    <TableCell>Rule</TableCell>
                    <TableCell>Verdict</TableCell>
                    <TableCell align="right">Score</TableCell>
                    <TableCell align="right">Threshold</TableCell>
                    <TableCell>Evidence</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.res.results.map((r, i) => (
                    <TableRow key={i} data-verdict={r.outcome}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>
                        <Chip size="small" label={r.outcome === 'hit' ? `${r.action}` : r.outcome} color={r.outcome === 'hit' ? 'warning' : r.outcome === 'error' ? 'error' : 'default'} />
                      </TableCell>
                      <TableCell align="right">{r.score.toFixed(3)}</TableCell>
                      <TableCell align="right">{r.threshold}</TableCell>
                      <TableCell>{r.evidence.summary}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

import { Box, Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ConfigChange, RuleVersionRecord } from '@sift/shared';

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
const describe = (c: ConfigChange) =>
  c.kind === 'changed' ? `${c.path}: ${show(c.before)} → ${show(c.after)}` : c.kind === 'added' ? `${c.path}: + ${show(c.after)}` : `${c.path}: − ${show(c.before)}`;

/** Every version: who, when, why (the change note asked for at each save and roll back), what changed; roll back = save that version again as the newest. */
export const VersionsPanel = ({ versions, current, onRollback }: { versions: RuleVersionRecord[]; current: number; onRollback: (v: number) => void }) => (
  <Card data-panel="versions">
    <CardContent>
      <Typography variant="h6">Versions</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Version</TableCell>
            <TableCell>Saved</TableCell>
            <TableCell>By</TableCell>
            <TableCell>Change note</TableCell>
            <TableCell>Changes</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {versions.map((v) => (
            <TableRow key={v.version} data-version={v.version}>
              <TableCell>
                v{v.version} {v.version === current && <Chip size="small" label="current" />}
              </TableCell>
              <TableCell>{new Date(v.createdAt).toLocaleString()}</TableCell>
              <TableCell>{v.createdBy?.name ?? 'system'}</TableCell>
              <TableCell data-note={v.note ?? ''} sx={{ maxWidth: 260, overflowWrap: 'anywhere' }}>
                {v.note ?? <Typography variant="caption" color="text.secondary">—</Typography>}
              </TableCell>
              <TableCell>
                {v.changes.length === 0 ? <Typography variant="caption">first version</Typography> : v.changes.map((c, i) => <Box key={i} component="code" sx={{ display: 'block', fontSize: 12 }}>{describe(c)}</Box>)}
              </TableCell>
              <TableCell>
                {v.version !== current && (
                  <Button size="small" onClick={() => onRollback(v.version)}>
                    Roll back to v{v.version}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </CardContent>
  </Card>
);

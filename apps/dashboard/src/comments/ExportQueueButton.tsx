import DownloadIcon from '@mui/icons-material/GetApp';
import type { QueueRow } from '@sift/shared';
import { useState } from 'react';
import { Button, defaultExporter, useDataProvider, useListContext, useNotify } from 'react-admin';
import { queueOf } from '../layout/queues';

/** The API answers at most 200 rows a request; an export pages through the list up to this many. */
const PAGE = 200;
export const EXPORT_MAX_ROWS = 10_000;

/** One CSV line per comment: what a moderator reads in the row, flags by rule name. */
const csvRow = (r: QueueRow) => ({
  id: r.id,
  status: r.status,
  priority: Math.round(r.priority * 100) / 100,
  receivedAt: r.receivedAt,
  author: r.authorName,
  authorKey: r.authorKey,
  article: r.articleTitle,
  title: r.title ?? '',
  body: r.body,
  flags: r.flags.map((f) => f.ruleName).join('; '),
});

/**
 * Export the list as it is filtered and sorted now (every page, not only the one shown) to CSV, with react-admin's
 * exporter (jsonexport, then a download named after the queue).
 */
export const ExportQueueButton = () => {
  const { filterValues, sort, total } = useListContext<QueueRow>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const rows: QueueRow[] = [];
      for (let page = 1; rows.length < EXPORT_MAX_ROWS; page++) {
        const { data, total: all } = await dataProvider.getList<QueueRow>('comments', { filter: filterValues, sort, pagination: { page, perPage: PAGE } });
        rows.push(...data);
        if (data.length < PAGE || rows.length >= (all ?? 0)) break;
      }
      if (rows.length >= EXPORT_MAX_ROWS) notify(`Exported the first ${EXPORT_MAX_ROWS.toLocaleString()} comments: narrow the filters for the rest`, { type: 'warning' });
      await defaultExporter(rows.map(csvRow), () => Promise.resolve({}), dataProvider, `comments-${queueOf(filterValues) ?? 'filtered'}`);
    } catch (err) {
      notify((err as Error).message || 'The export failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="Export CSV" onClick={() => void run()} disabled={busy || total === 0} title="Download the comments of this list, as filtered and sorted, as CSV">
      <DownloadIcon />
    </Button>
  );
};

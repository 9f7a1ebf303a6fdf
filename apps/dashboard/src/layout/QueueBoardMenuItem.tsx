import QueueIcon from '@mui/icons-material/ViewList';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useNotify } from 'react-admin';
import { freshAccessToken } from '../providers/session';

/**
 * Opens Bull Board (the job queues' own UI) in a new tab. A navigation cannot carry the bearer token, so this first
 * asks the API for a short-lived session cookie scoped to /admin/queues (admins only; the API enforces it).
 */
export const QueueBoardMenuItem = () => {
  const notify = useNotify();
  const open = async () => {
    const tab = window.open('about:blank', '_blank');
    const res = await fetch('/api/ops/queue-board/session', {
      method: 'POST',
      headers: { Authorization: `Bearer ${await freshAccessToken()}` },
    });
    if (!res.ok) {
      tab?.close();
      notify(`The queue board did not open (HTTP ${res.status})`, { type: 'error' });
      return;
    }
    const { url } = (await res.json()) as { url: string };
    if (tab) tab.location.href = url;
    else window.location.href = url;
  };
  return (
    <MenuItem onClick={() => void open()} data-testid="queue-board">
      <ListItemIcon>
        <QueueIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary="Job queues" />
    </MenuItem>
  );
};

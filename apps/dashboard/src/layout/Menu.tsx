import FlagIcon from '@mui/icons-material/Flag';
import ReportIcon from '@mui/icons-material/ReportOutlined';
import HourglassIcon from '@mui/icons-material/HourglassEmpty';
import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import HiddenIcon from '@mui/icons-material/VisibilityOff';
import AllIcon from '@mui/icons-material/Forum';
import PeopleIcon from '@mui/icons-material/People';
import CampaignIcon from '@mui/icons-material/Campaign';
import AdminIcon from '@mui/icons-material/ManageAccounts';
import RuleIcon from '@mui/icons-material/Rule';
import SettingsIcon from '@mui/icons-material/Settings';
import LearningIcon from '@mui/icons-material/School';
import { Box, Chip } from '@mui/material';
import { QUEUES, type Queue, type Role } from '@sift/shared';
import type { ReactElement } from 'react';
import { Menu, usePermissions } from 'react-admin';
import { useQueueCounts } from '../providers/live';
import { QueueBoardMenuItem } from './QueueBoardMenuItem';
import { QUEUE_LABEL, queuePath } from './queues';

const ICON: Record<Queue, ReactElement> = {
  flagged: <FlagIcon />,
  reported: <ReportIcon />,
  pending: <HourglassIcon />,
  approved: <CheckIcon />,
  hidden: <HiddenIcon />,
  all: <AllIcon />,
};

const QueueLabel = ({ queue, count }: { queue: Queue; count: number | undefined }) => (
  <Box component="span" data-queue={queue} sx={{ display: 'flex', alignItems: 'center', gap: 1, width: '100%' }}>
    <span>{QUEUE_LABEL[queue]}</span>
    {count !== undefined && (
      <Chip
        // A span: the menu item's text is a <p>, which may not hold a <div> (the Chip's default).
        component="span"
        size="small"
        data-count={count}
        label={count.toLocaleString()}
        color={(queue === 'flagged' || queue === 'reported') && count > 0 ? 'warning' : 'default'}
        sx={{ ml: 'auto', height: 20 }}
      />
    )}
  </Box>
);

/** Home, the queues with live counts, Authors, Learning (admins act there); Users and the job queues for admins only (the API enforces the same). */
export const SiftMenu = () => {
  const counts = useQueueCounts();
  const { permissions } = usePermissions<Role>();
  return (
    <Menu>
      <Menu.DashboardItem primaryText="Home" />
      {QUEUES.map((q) => (
        <Menu.Item key={q} to={queuePath(q)} primaryText={<QueueLabel queue={q} count={counts?.[q]} />} leftIcon={ICON[q]} />
      ))}
      <Menu.Item to="/campaigns" primaryText="Campaigns" leftIcon={<CampaignIcon />} />
      <Menu.Item to="/authors" primaryText="Authors" leftIcon={<PeopleIcon />} />
      <Menu.Item to="/learned-models" primaryText="Learning" leftIcon={<LearningIcon />} />
      {permissions === 'admin' && <Menu.Item to="/users" primaryText="Users" leftIcon={<AdminIcon />} />}
      {permissions === 'admin' && <Menu.Item to="/rules" primaryText="Rules" leftIcon={<RuleIcon />} />}
      {permissions === 'admin' && <Menu.Item to="/settings" primaryText="Settings" leftIcon={<SettingsIcon />} />}
      {permissions === 'admin' && <QueueBoardMenuItem />}
    </Menu>
  );
};

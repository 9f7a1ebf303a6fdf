import { Alert } from '@mui/material';
import type { Role } from '@sift/shared';
import type { ReactNode } from 'react';
import { usePermissions } from 'react-admin';

/** Rules and settings are for admins: anyone else gets this notice and the page never calls the API. */
export const AdminOnly = ({ children, what }: { children: ReactNode; what: string }) => {
  const { permissions, isPending } = usePermissions<Role>();
  if (isPending) return null;
  if (permissions !== 'admin') {
    return (
      <Alert severity="warning" sx={{ m: 2 }} data-admin-only>
        {what} are for admins only.
      </Alert>
    );
  }
  return <>{children}</>;
};

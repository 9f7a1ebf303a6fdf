import { Alert } from '@mui/material';
import type { Role } from '@sift/shared';
import { BooleanField, Datagrid, DateField, List, TextField, usePermissions } from 'react-admin';

/** Staff accounts: admins only (the API answers 403 to anyone else; this page does not even ask). */
export const UserList = () => {
  const { permissions, isPending } = usePermissions<Role>();
  if (isPending) return null;
  if (permissions !== 'admin') {
    return (
      <Alert severity="warning" sx={{ m: 2 }} data-admin-only>
        Staff accounts are for admins only.
      </Alert>
    );
  }
  return (
    <List pagination={false} exporter={false}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="email" />
        <TextField source="role" />
        <BooleanField source="disabled" />
        <DateField source="createdAt" label="Created" />
      </Datagrid>
    </List>
  );
};

import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import type { LoginResponse } from '@sift/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useLogout } from 'react-admin';
import { errorMessage, onSignInRequest, signedInAgain, storedSession } from '../providers/session';

/**
 * The sign-in dialog over the page (issue 16, item 9): when the session has ended — idle longer than the site's
 * limit, signed out elsewhere — the page stays as it was (the queue, the open card, a half-written reply) and the
 * API calls it was making wait; signing in here lets them go on. Another account signing in reloads the page.
 */
export const SessionDialog = () => {
  const [reason, setReason] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const logout = useLogout();
  const previous = storedSession()?.user;
  const [email, setEmail] = useState(previous?.email ?? '');
  useEffect(() => onSignInRequest(setReason), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) {
        setError(await errorMessage(res, `sign-in failed (HTTP ${res.status})`));
        return;
      }
      const body = (await res.json()) as LoginResponse;
      setPassword('');
      if (previous && body.user.id !== previous.id) {
        signedInAgain(body);
        window.location.reload(); // another account: nothing of the page belongs to it
        return;
      }
      signedInAgain(body);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={reason !== null} aria-labelledby="session-dialog-title" data-dialog="session">
      <form onSubmit={(e) => void submit(e)}>
        <DialogTitle id="session-dialog-title">Sign in to continue</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{reason}. Your place is kept: what you were doing goes on once you have signed in.</DialogContentText>
            <TextField label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required size="small" />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              autoFocus
              size="small"
            />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void logout()}>Sign out</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Sign in
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

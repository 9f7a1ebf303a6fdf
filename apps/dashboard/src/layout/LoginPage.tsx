import { Box, Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, required, TextInput, useLocation } from 'react-admin';
import { safeNextRoute } from '../providers/authProvider';

/** Sift's sign-in: e-mail and password, then on to where the visitor was going (`#/login?next=/comments/…`). */
export const LoginPage = () => {
  const { search } = useLocation();
  const next = safeNextRoute(new URLSearchParams(search).get('next'));
  return (
    <Login avatarIcon={<SiftMark />}>
      <Box sx={{ textAlign: 'center', px: 2, pb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          Sift
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Comment moderation — sign in with your staff account
        </Typography>
      </Box>
      <LoginForm redirectTo={next}>
        <TextInput autoFocus source="email" label="Email" autoComplete="email" type="email" validate={required()} />
        <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} />
      </LoginForm>
    </Login>
  );
};

/** A sieve: the login page's avatar. */
const SiftMark = () => (
  <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
    <path d="M3 5h18l-7 8v5l-4 2v-7z" />
  </svg>
);

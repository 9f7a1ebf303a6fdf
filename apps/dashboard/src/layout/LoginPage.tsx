import { Box, Stack, Typography } from '@mui/material';
import { Login, LoginClasses, LoginForm, LoginFormClasses, PasswordInput, required, TextInput, useLocation } from 'react-admin';
import { safeNextRoute } from '../providers/authProvider';

/**
 * Sift's sign-in (react-admin's `loginPage`): the Sift mark and name on its own background instead of react-admin's
 * lock, the staff e-mail and password, then on to where the visitor was going (`#/login?next=/comments/…`).
 * react-admin's `Login` still checks an existing session (a signed-in visitor goes straight on).
 */
export const LoginPage = () => {
  const { search } = useLocation();
  const next = safeNextRoute(new URLSearchParams(search).get('next'));
  return (
    <Login
      avatarIcon={<SiftMark size={30} />}
      data-login-page="sift"
      sx={(theme) => ({
        backgroundImage:
          theme.palette.mode === 'dark'
            ? 'radial-gradient(circle at 20% 10%, #3b2a12 0%, #15181d 55%, #0d0f12 100%)'
            : 'radial-gradient(circle at 20% 10%, #fff3e0 0%, #eef2f6 55%, #dde3ea 100%)',
        [`& .${LoginClasses.card}`]: { minWidth: 340, maxWidth: 380, mt: '12vh', borderRadius: 3, boxShadow: theme.shadows[8] },
        [`& .${LoginClasses.avatar}`]: { mt: 3, mb: 0 },
        [`& .${LoginClasses.icon}`]: { width: 56, height: 56, bgcolor: '#ed6c02', color: '#fff' },
        // react-admin's form is 300 px wide: the whole card here.
        [`& form .${LoginFormClasses.content}`]: { width: 'auto', px: 3 },
      })}
    >
      <Stack sx={{ alignItems: 'center', px: 3, pt: 1, pb: 1 }} spacing={0.5} data-brand>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 700, letterSpacing: '-0.02em' }}>
          Sift
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center' }}>
          Comment moderation for news and opinion sites
        </Typography>
      </Stack>
      <LoginForm redirectTo={next}>
        <TextInput autoFocus fullWidth source="email" label="Email" autoComplete="email" type="email" validate={required()} />
        <PasswordInput fullWidth source="password" label="Password" autoComplete="current-password" validate={required()} />
      </LoginForm>
      <Box sx={{ px: 3, pb: 2.5 }}>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ textAlign: 'center' }}>
          Staff accounts only. Readers comment on the article pages.
        </Typography>
      </Box>
    </Login>
  );
};

/** A sieve: Sift's mark. */
export const SiftMark = ({ size = 24 }: { size?: number }) => (
  <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
    <path d="M3 5h18l-7 8v5l-4 2v-7z" />
  </svg>
);

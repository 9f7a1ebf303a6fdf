import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils } from 'react-admin';
import { getAccessToken } from './authProvider';

/** Every API call carries the signed-in user's bearer token (same origin, so no CORS). */
const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const token = getAccessToken();
  return fetchUtils.fetchJson(url, {
    ...options,
    user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined,
  });
};

/** react-admin simple-rest on the moderation API: the `comments` resource is `/api/moderation/comments`. */
export const dataProvider: DataProvider = simpleRestProvider('/api/moderation', httpClient);

/** The signed-in user (or null) and the language choice that follows them across devices. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api.js';
import { hasStoredLang, isLang, persistLang, type Lang } from './i18n.js';
import type { MeBody, User, UserBody } from '../../../src/features/accounts/schemas.js';

/** The account as the server's schema describes it (imported type-only). */
export type { MeBody, User, UserBody } from '../../../src/features/accounts/schemas.js';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => (await api<MeBody>('GET', '/api/auth/me')).user,
    staleTime: 60_000,
  });
}

/** Switch the interface language now, remember it here, and save it to the account when signed in. */
export function useSetLanguage() {
  const qc = useQueryClient();
  return useCallback(
    async (lang: Lang) => {
      persistLang(lang);
      const me = qc.getQueryData<User | null>(ME_KEY);
      if (me && me.locale !== lang) {
        try {
          const { user } = await api<UserBody>('PATCH', '/api/auth/me', { locale: lang });
          qc.setQueryData(ME_KEY, user);
        } catch {
          // the switch already happened on this device; the account keeps its old choice until next time
        }
      }
    },
    [qc],
  );
}

/** After sign-in: the account's saved language applies unless this device already chose one. */
export function adoptAccountLanguage(user: User) {
  if (!hasStoredLang() && isLang(user.locale)) persistLang(user.locale);
}

export function useSignedIn() {
  const qc = useQueryClient();
  return useCallback(
    (user: User) => {
      adoptAccountLanguage(user);
      qc.setQueryData(ME_KEY, user);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
    [qc],
  );
}

export function useSignOut() {
  const qc = useQueryClient();
  return useCallback(async () => {
    await api('POST', '/api/auth/signout', {});
    qc.setQueryData(ME_KEY, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  }, [qc]);
}

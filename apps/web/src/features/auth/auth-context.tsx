import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Role, UserDto } from '@ecampus/contracts';
import { UNAUTHORIZED_EVENT } from '../../lib/http';
import { hasSavedLanguage, isUiLanguage, useLanguage } from '../../lib/i18n';
import { forgetSavedCourses } from '../../lib/offline';
import { invalidate } from '../../lib/resource';
import { routes } from '../../routes';
import { getMe, postLogout } from './api';

interface AuthContextValue {
  /** undefined while the session is being checked; null when signed out. */
  user: UserDto | null | undefined;
  signedIn: (user: UserDto) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export const STAFF_ROLES: readonly Role[] = ['admin', 'author'];

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserDto | null | undefined>(undefined);
  const { setLang } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => setUser(me),
      () => {
        if (!controller.signal.aborted) setUser(null);
      },
    );
    return () => controller.abort();
  }, []);

  // The session ended (expired, signed out elsewhere): sign in again and come back here.
  const here = location.pathname + location.search;
  useEffect(() => {
    const onUnauthorized = () => {
      setUser(null);
      invalidate();
      navigate(routes.signIn(here), { replace: true });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [navigate, here]);

  const signedIn = useCallback(
    (me: UserDto) => {
      invalidate();
      setUser(me);
      if (!hasSavedLanguage() && isUiLanguage(me.language)) setLang(me.language);
    },
    [setLang],
  );

  const signOut = useCallback(async () => {
    try {
      await postLogout();
    } finally {
      invalidate();
      setUser(null);
      // The next person on this phone does not get this learner's downloaded courses.
      await forgetSavedCourses().catch(() => undefined);
    }
  }, []);

  const value = useMemo(() => ({ user, signedIn, signOut }), [user, signedIn, signOut]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

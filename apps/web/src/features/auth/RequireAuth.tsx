import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@ecampus/contracts';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useMessages } from '../../lib/i18n';
import { routes } from '../../routes';
import { useAuth } from './auth-context';
import { messages } from './messages';

/** Pages for signed-in users (optionally of some roles): others go to sign in and come back. */
export function RequireAuth({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  const t = useMessages(messages);

  if (user === undefined) {
    return (
      <div className="container page">
        <PageHeading loading />
        <Skeleton lines={4} />
      </div>
    );
  }
  if (user === null) {
    return <Navigate to={routes.signIn(location.pathname + location.search)} replace />;
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <div className="container page">
        <PageHeading>{t.notAllowedTitle}</PageHeading>
        <p>{t.notAllowed}</p>
      </div>
    );
  }
  return children;
}

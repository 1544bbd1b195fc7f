import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { describeError } from '../../components/ErrorNotice';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useMessages } from '../../lib/i18n';
import { routes } from '../../routes';
import { useAuth } from '../auth/auth-context';
import { postEmailConfirm, tokenFromLocation } from './api';
import { messages } from './messages';

// One request per token, even if the effect runs twice (React's StrictMode in development): a token works once.
const confirming = new Map<string, ReturnType<typeof postEmailConfirm>>();
function confirmOnce(token: string) {
  if (!confirming.has(token)) confirming.set(token, postEmailConfirm(token));
  return confirming.get(token)!;
}

/** Opened from the mailed link: confirms at once (the token is the proof), then says what happened. */
export default function ConfirmEmailPage() {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const { user, signedIn } = useAuth();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    confirmOnce(tokenFromLocation()).then(
      ({ user: me }) => {
        if (!live) return;
        setResult({ ok: true, text: t.confirmDone(me.email) });
        if (user && user.id === me.id) signedIn(me);
      },
      (error) => {
        if (!live) return;
        const text = error instanceof ApiError && error.status === 400 ? t.badLink : error instanceof ApiError && error.status === 409 ? t.confirmTaken : describeError(error, shared);
        setResult({ ok: false, text });
      },
    );
    return () => {
      live = false;
    };
    // Once per visit of the link.
  }, []);

  return (
    <div className="container page page--narrow">
      <PageHeading>{t.confirmTitle}</PageHeading>
      <p role="status" className={result ? `notice ${result.ok ? 'notice--success' : 'notice--error'}` : undefined}>{result ? result.text : t.working}</p>
      {result ? <p><Link to={user ? routes.profile() : routes.signIn()}>{user ? t.profileTitle : t.signIn}</Link></p> : null}
    </div>
  );
}

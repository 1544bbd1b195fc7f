import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { describeError } from '../../components/ErrorNotice';
import { messages as sharedMessages } from '../../components/messages';
import { useMessages } from '../../lib/i18n';
import { routes } from '../../routes';
import { postForgot } from './api';
import { messages } from './messages';

export default function ForgotPasswordPage() {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setError({ field: t.required });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await postForgot(email.trim());
      setError({});
      setSent(true);
    } catch (e) {
      setError({ form: describeError(e, shared) });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const summary = [...(error.form ? [{ message: error.form }] : []), ...(error.field ? [{ fieldId: 'forgot-email', message: error.field }] : [])];
  return (
    <div className="container page page--narrow">
      <PageHeading>{t.forgotTitle}</PageHeading>
      <p>{t.forgotIntro}</p>
      <ErrorSummary title={t.errorSummaryTitle} errors={summary} attempt={attempt} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id="forgot-email" label={t.email} error={error.field}>
          {(c) => <input {...c} className="input" type="email" name="email" autoComplete="username" inputMode="email" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <button type="submit" className="button" aria-disabled={busy}>{busy ? t.working : t.sendLink}</button>
        <p role="status" className={sent ? 'notice notice--success' : undefined}>{sent ? t.forgotSent : ''}</p>
      </form>
      <p className="form-aside">
        <Link to={routes.signIn()}>{t.signIn}</Link>
      </p>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { describeError } from '../../components/ErrorNotice';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useMessages } from '../../lib/i18n';
import { routes } from '../../routes';
import { fieldErrors, postReset, tokenFromLocation } from './api';
import { messages, passwordMessage } from './messages';

export default function ResetPasswordPage() {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const [token] = useState(tokenFromLocation);
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; form?: string; token?: boolean }>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (password.length < 10) {
      setErrors({ password: t.tooShortPassword });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await postReset({ token, password });
      setDone(true);
      setErrors({});
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const e = fieldErrors(error, ['token', 'password']);
        setErrors(e.token || !token ? { token: true, form: t.badLink } : { password: passwordMessage(t, e.password), form: e.form });
      } else setErrors({ form: describeError(error, shared) });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="container page page--narrow">
        <PageHeading>{t.resetTitle}</PageHeading>
        <p className="notice notice--success" role="status">{t.resetDone}</p>
        <p><Link className="button" to={routes.signIn()}>{t.signIn}</Link></p>
      </div>
    );
  }
  const summary = [...(errors.form ? [{ message: errors.form }] : []), ...(errors.password ? [{ fieldId: 'reset-password', message: errors.password }] : [])];
  return (
    <div className="container page page--narrow">
      <PageHeading>{t.resetTitle}</PageHeading>
      <ErrorSummary title={t.errorSummaryTitle} errors={summary} attempt={attempt} />
      {errors.token ? <p><Link to={routes.forgotPassword()}>{t.askAgain}</Link></p> : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id="reset-password" label={t.newPassword} hint={t.passwordRules} error={errors.password}>
          {(c) => <input {...c} className="input" type={show ? 'text' : 'password'} name="password" autoComplete="new-password" minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} required />}
        </Field>
        <div className="checkbox">
          <input id="reset-show" type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
          <label htmlFor="reset-show">{t.showPassword}</label>
        </div>
        <button type="submit" className="button" aria-disabled={busy}>{busy ? t.working : t.resetButton}</button>
      </form>
    </div>
  );
}

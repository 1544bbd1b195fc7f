import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { describeError } from '../../components/ErrorNotice';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useMessages } from '../../lib/i18n';
import { routes, safeNext } from '../../routes';
import { postLogin } from './api';
import { useAuth } from './auth-context';
import { messages } from './messages';

type Errors = Partial<Record<'email' | 'password' | 'form', string>>;

export default function SignInPage() {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const { user, signedIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A returning learner lands where they left off; a page that asked for sign-in gets them back to it.
  const next = params.get('next') ? safeNext(params.get('next')) : routes.myCourses();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  if (user && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!email.trim()) found.email = t.required.email;
    if (!password) found.password = t.required.password;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const { user: me } = await postLogin({ email: email.trim(), password });
      signedIn(me);
      navigate(next, { replace: true });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : -1;
      setErrors({
        form: status === 401 || status === 400 ? t.wrongCredentials : status === 429 ? t.tooManyTries : describeError(error, shared),
      });
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };

  const summary = [
    ...(errors.form ? [{ message: errors.form }] : []),
    ...(errors.email ? [{ fieldId: 'signin-email', message: errors.email }] : []),
    ...(errors.password ? [{ fieldId: 'signin-password', message: errors.password }] : []),
  ];

  return (
    <div className="container page page--narrow">
      <PageHeading>{t.signInTitle}</PageHeading>
      <p>{params.get('next') ? t.requiredForPage : t.signInIntro}</p>
      <ErrorSummary title={t.errorSummaryTitle} errors={summary} attempt={attempt} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id="signin-email" label={t.email} error={errors.email}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="signin-password" label={t.password} error={errors.password}>
          {(control) => (
            <input
              {...control}
              className="input"
              type={showPassword ? 'text' : 'password'}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <div className="checkbox">
          <input
            id="signin-show-password"
            type="checkbox"
            checked={showPassword}
            onChange={(e) => setShowPassword(e.target.checked)}
          />
          <label htmlFor="signin-show-password">{t.showPassword}</label>
        </div>
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t.working : t.signInButton}
        </button>
      </form>
      <p className="form-aside">
        <Link to={routes.forgotPassword()}>{t.forgotPassword}</Link>
      </p>
      <p className="form-aside">
        {t.noAccount} <Link to={routes.signUp(params.get('next') ?? undefined)}>{t.createOne}</Link>
      </p>
    </div>
  );
}

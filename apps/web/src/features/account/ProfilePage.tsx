import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { INSTITUTION_TYPES, type InstitutionType, type Language, type UserDto } from '@ecampus/contracts';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { describeError } from '../../components/ErrorNotice';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { UI_LANGUAGES, nativeLanguageName, useLanguage, useMessages } from '../../lib/i18n';
import { routes } from '../../routes';
import { useAuth } from '../auth/auth-context';
import { countryOptions } from '../auth/countries';
import { GENDERS, messages as authMessages } from '../auth/messages';
import { deleteMe, fieldErrors, getPreferences, patchMe, postEmailChange, postPassword } from './api';
import { messages, passwordMessage } from './messages';

type Errors = Record<string, string | undefined>;

/** One form of the page: its own error summary, busy state and success message. */
function useForm() {
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const fail = (found: Errors) => {
    setErrors(found);
    setDone('');
    setAttempt((n) => n + 1);
  };
  return { errors, setErrors, attempt, busy, setBusy, done, setDone, fail };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function summaryOf(errors: Errors, prefix: string) {
  return Object.entries(errors)
    .filter(([, message]) => message)
    .map(([field, message]) => (field === 'form' ? { message: message! } : { fieldId: `${prefix}-${field}`, message: message! }));
}

function DetailsForm({ user }: { user: UserDto }) {
  const t = useMessages(messages);
  const ta = useMessages(authMessages);
  const shared = useMessages(sharedMessages);
  const { lang } = useLanguage();
  const { signedIn } = useAuth();
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const f = useForm();
  const [values, setValues] = useState({
    name: user.name, institution: user.institution, institutionType: user.institutionType, position: user.position ?? '',
    country: user.country, gender: user.gender ?? '', language: user.language, remindersEnabled: true,
  });
  useEffect(() => {
    getPreferences().then((p) => setValues((v) => ({ ...v, remindersEnabled: p.remindersEnabled })), () => undefined);
  }, []);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (f.busy) return;
    const found: Errors = {};
    if (values.name.trim().length < 2) found.name = ta.required.name;
    if (values.institution.trim().length < 2) found.institution = ta.required.institution;
    if (Object.keys(found).length) return f.fail(found);
    f.setBusy(true);
    try {
      const renamed = values.name.trim() !== user.name;
      const me = await patchMe({ ...values, institutionType: values.institutionType as InstitutionType, language: values.language as Language, gender: values.gender || null });
      signedIn(me);
      f.setErrors({});
      f.setDone(renamed ? t.savedReissued : t.saved);
    } catch (error) {
      f.fail(error instanceof ApiError && error.status === 400 ? fieldErrors(error, ['name', 'institution', 'institutionType', 'position', 'country', 'gender', 'language']) : { form: describeError(error, shared) });
    } finally {
      f.setBusy(false);
    }
  };

  return (
    <Section id="details" title={t.detailsTitle}>
      <ErrorSummary title={t.errorSummaryTitle} errors={summaryOf(f.errors, 'profile')} attempt={f.attempt} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id="profile-name" label={t.name} hint={t.nameHint} error={f.errors.name}>
          {(c) => <input {...c} className="input" name="name" autoComplete="name" value={values.name} onChange={set('name')} required />}
        </Field>
        <Field id="profile-institution" label={t.institution} error={f.errors.institution}>
          {(c) => <input {...c} className="input" name="institution" autoComplete="organization" value={values.institution} onChange={set('institution')} required />}
        </Field>
        <Field id="profile-institutionType" label={t.institutionType} error={f.errors.institutionType}>
          {(c) => (
            <select {...c} className="select" name="institutionType" value={values.institutionType} onChange={set('institutionType')}>
              {INSTITUTION_TYPES.map((type) => <option key={type} value={type}>{ta.institutionTypes[type]}</option>)}
            </select>
          )}
        </Field>
        <Field id="profile-position" label={t.position} optionalText={t.optional} error={f.errors.position}>
          {(c) => <input {...c} className="input" name="position" autoComplete="organization-title" value={values.position} onChange={set('position')} />}
        </Field>
        <Field id="profile-country" label={t.country} error={f.errors.country}>
          {(c) => (
            <select {...c} className="select" name="country" autoComplete="country" value={values.country} onChange={set('country')}>
              <optgroup label={ta.programmeCountries}>
                {countries.programme.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
              </optgroup>
              <optgroup label={ta.otherCountries}>
                {countries.others.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
              </optgroup>
            </select>
          )}
        </Field>
        <Field id="profile-gender" label={t.gender} optionalText={t.optional} error={f.errors.gender}>
          {(c) => (
            <select {...c} className="select" name="gender" value={values.gender} onChange={set('gender')}>
              <option value="">{t.notSaid}</option>
              {GENDERS.map((g) => <option key={g} value={g}>{ta.genders[g]}</option>)}
              {values.gender && !(GENDERS as readonly string[]).includes(values.gender) ? <option value={values.gender}>{values.gender}</option> : null}
            </select>
          )}
        </Field>
        <Field id="profile-language" label={t.language} hint={t.languageHint} error={f.errors.language}>
          {(c) => (
            <select {...c} className="select" name="language" value={values.language} onChange={set('language')}>
              {UI_LANGUAGES.map((code) => <option key={code} value={code} lang={code}>{nativeLanguageName(code)}</option>)}
            </select>
          )}
        </Field>
        <div className="checkbox">
          <input
            id="profile-reminders"
            type="checkbox"
            checked={values.remindersEnabled}
            onChange={(e) => setValues((v) => ({ ...v, remindersEnabled: e.target.checked }))}
          />
          <label htmlFor="profile-reminders">{t.reminders}</label>
        </div>
        <button type="submit" className="button" aria-disabled={f.busy}>{f.busy ? t.working : t.save}</button>
        <p role="status" className={f.done ? 'notice notice--success' : undefined}>{f.done}</p>
      </form>
    </Section>
  );
}

function EmailForm({ user }: { user: UserDto }) {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const f = useForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (f.busy) return;
    const found: Errors = {};
    if (!email.trim()) found.email = t.required;
    if (!password) found.password = t.required;
    if (Object.keys(found).length) return f.fail(found);
    f.setBusy(true);
    try {
      await postEmailChange({ email: email.trim(), password });
      f.setErrors({});
      f.setDone(t.emailSent(email.trim()));
      setPassword('');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) f.fail({ email: t.emailTaken });
      else if (error instanceof ApiError && error.status === 400) {
        const e = fieldErrors(error, ['email', 'password']);
        f.fail({ ...e, password: passwordMessage(t, e.password) });
      } else f.fail({ form: describeError(error, shared) });
    } finally {
      f.setBusy(false);
    }
  };

  return (
    <Section id="email" title={t.emailTitle}>
      <p>{t.currentEmail(user.email)}</p>
      <ErrorSummary title={t.errorSummaryTitle} errors={summaryOf(f.errors, 'email')} attempt={f.attempt} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id="email-email" label={t.newEmail} error={f.errors.email}>
          {(c) => <input {...c} className="input" type="email" name="email" autoComplete="email" inputMode="email" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <Field id="email-password" label={t.currentPassword} error={f.errors.password}>
          {(c) => <input {...c} className="input" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
        </Field>
        <button type="submit" className="button button--secondary" aria-disabled={f.busy}>{f.busy ? t.working : t.changeEmail}</button>
        <p role="status" className={f.done ? 'notice notice--success' : undefined}>{f.done}</p>
      </form>
    </Section>
  );
}

function PasswordForm() {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const f = useForm();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [show, setShow] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (f.busy) return;
    const found: Errors = {};
    if (!current) found.currentPassword = t.required;
    if (next.length < 10) found.newPassword = t.tooShortPassword;
    if (Object.keys(found).length) return f.fail(found);
    f.setBusy(true);
    try {
      await postPassword({ currentPassword: current, newPassword: next });
      f.setErrors({});
      f.setDone(t.passwordChanged);
      setCurrent('');
      setNext('');
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const e = fieldErrors(error, ['currentPassword', 'newPassword']);
        f.fail({ form: e.form, currentPassword: passwordMessage(t, e.currentPassword), newPassword: passwordMessage(t, e.newPassword) });
      } else f.fail({ form: describeError(error, shared) });
    } finally {
      f.setBusy(false);
    }
  };

  return (
    <Section id="password" title={t.passwordTitle}>
      <ErrorSummary title={t.errorSummaryTitle} errors={summaryOf(f.errors, 'password')} attempt={f.attempt} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id="password-currentPassword" label={t.currentPassword} error={f.errors.currentPassword}>
          {(c) => <input {...c} className="input" type={show ? 'text' : 'password'} name="currentPassword" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />}
        </Field>
        <Field id="password-newPassword" label={t.newPassword} hint={t.passwordRules} error={f.errors.newPassword}>
          {(c) => <input {...c} className="input" type={show ? 'text' : 'password'} name="newPassword" autoComplete="new-password" minLength={10} value={next} onChange={(e) => setNext(e.target.value)} required />}
        </Field>
        <div className="checkbox">
          <input id="password-show" type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
          <label htmlFor="password-show">{t.showPassword}</label>
        </div>
        <button type="submit" className="button button--secondary" aria-disabled={f.busy}>{f.busy ? t.working : t.changePassword}</button>
        <p role="status" className={f.done ? 'notice notice--success' : undefined}>{f.done}</p>
      </form>
    </Section>
  );
}

function DeleteForm() {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const f = useForm();
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (f.busy) return;
    const found: Errors = {};
    if (!password) found.password = t.required;
    if (!confirmed) found.confirm = t.deleteMustConfirm;
    if (Object.keys(found).length) return f.fail(found);
    f.setBusy(true);
    try {
      await deleteMe(password);
      await signOut().catch(() => undefined);
      navigate(routes.catalogue(), { replace: true });
    } catch (error) {
      f.fail(error instanceof ApiError && error.status === 400 ? { password: t.wrongPassword } : { form: describeError(error, shared) });
      f.setBusy(false);
    }
  };

  return (
    <Section id="delete" title={t.deleteTitle}>
      <p>{t.deleteIntro}</p>
      <ErrorSummary title={t.errorSummaryTitle} errors={summaryOf(f.errors, 'delete')} attempt={f.attempt} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id="delete-password" label={t.currentPassword} error={f.errors.password}>
          {(c) => <input {...c} className="input" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
        </Field>
        <div className={`checkbox${f.errors.confirm ? ' field--error' : ''}`}>
          <input id="delete-confirm" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} aria-invalid={f.errors.confirm ? true : undefined} />
          <label htmlFor="delete-confirm">{t.deleteConfirm}</label>
        </div>
        <button type="submit" className="button button--danger" aria-disabled={f.busy}>{f.busy ? t.working : t.deleteButton}</button>
      </form>
    </Section>
  );
}

export default function ProfilePage() {
  const t = useMessages(messages);
  const { user } = useAuth();
  if (!user) return null;
  return (
    <div className="container page page--narrow">
      <PageHeading>{t.profileTitle}</PageHeading>
      <p>{t.profileIntro}</p>
      <DetailsForm user={user} />
      <EmailForm user={user} />
      <PasswordForm />
      <Section id="export" title={t.exportTitle}>
        <p>{t.exportIntro}</p>
        <p>
          <a className="button button--secondary" href="/api/me/export" download="ecampus-my-data.json">{t.exportLink}</a>
        </p>
      </Section>
      <DeleteForm />
    </div>
  );
}

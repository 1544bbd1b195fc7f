import { useMemo, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { INSTITUTION_TYPES, LANGUAGES, PASSWORD_MIN_LENGTH, type InstitutionType, type Language } from '@ecampus/contracts';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { describeError } from '../../components/ErrorNotice';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { nativeLanguageName, useLanguage, useMessages } from '../../lib/i18n';
import { routes, safeNext } from '../../routes';
import { postRegister } from './api';
import { useAuth } from './auth-context';
import { countryOptions } from './countries';
import { GENDERS, messages } from './messages';

const FIELDS = ['name', 'email', 'password', 'country', 'institution', 'institutionType', 'position', 'gender', 'language'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;
type Errors = Partial<Record<FieldName | 'form', string>>;

const fieldId = (name: FieldName) => `signup-${name}`;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Server validation messages usually start with the field's name ("password must be…"). */
function fieldOfMessage(message: string): FieldName | null {
  const first = message.trim().split(/[\s.:]/)[0];
  return (FIELDS as readonly string[]).includes(first) ? (first as FieldName) : null;
}

export default function SignUpPage() {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const { lang } = useLanguage();
  const { user, signedIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const [values, setValues] = useState<Values>({
    name: '',
    email: '',
    password: '',
    country: '',
    institution: '',
    institutionType: '',
    position: '',
    gender: '',
    language: lang,
  });
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  if (user && !busy) return <Navigate to={next} replace />;

  const set = (name: FieldName) => (event: { target: { value: string } }) => {
    setValues((prev) => ({ ...prev, [name]: event.target.value }));
    // A field being corrected stops showing its error; the rest wait for the next submit.
    if (errors[name]) setErrors((prev) => ({ ...prev, [name]: undefined }));
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!values.name.trim()) found.name = t.required.name;
    else if (values.name.trim().length < 2) found.name = t.tooShort;
    if (!values.email.trim()) found.email = t.required.email;
    else if (!EMAIL_PATTERN.test(values.email.trim())) found.email = t.invalidEmail;
    if (!values.password) found.password = t.required.password;
    else if (values.password.length < PASSWORD_MIN_LENGTH) found.password = t.passwordTooShort;
    if (!values.country) found.country = t.required.country;
    if (!values.institution.trim()) found.institution = t.required.institution;
    else if (values.institution.trim().length < 2) found.institution = t.tooShort;
    if (!values.institutionType) found.institutionType = t.required.institutionType;
    return found;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const { user: me } = await postRegister({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        country: values.country,
        institution: values.institution.trim(),
        institutionType: values.institutionType as InstitutionType,
        position: values.position.trim() || undefined,
        gender: values.gender || undefined,
        language: values.language as Language,
      });
      signedIn(me);
      navigate(next, { replace: true });
    } catch (error) {
      const serverErrors: Errors = {};
      if (error instanceof ApiError && error.status === 409) {
        serverErrors.email = t.emailTaken;
      } else if (error instanceof ApiError && (error.status === 400 || error.status === 422) && error.messages.length) {
        for (const message of error.messages) {
          const field = fieldOfMessage(message);
          const key = field ?? 'form';
          const text = /most common/.test(message) ? t.passwordCommon : message;
          serverErrors[key] = serverErrors[key] ? `${serverErrors[key]} ${text}` : text;
        }
      } else {
        serverErrors.form = error instanceof ApiError && error.status === 429 ? t.tooManyTries : describeError(error, shared);
      }
      setErrors(serverErrors);
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };

  const summary = [
    ...(errors.form ? [{ message: errors.form }] : []),
    ...FIELDS.filter((name) => errors[name]).map((name) => ({ fieldId: fieldId(name), message: errors[name]! })),
  ];

  return (
    <div className="container page page--narrow">
      <PageHeading>{t.signUpTitle}</PageHeading>
      <p>{t.signUpIntro}</p>
      <ErrorSummary title={t.errorSummaryTitle} errors={summary} attempt={attempt} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field id={fieldId('name')} label={t.name} hint={t.nameHint} error={errors.name}>
          {(control) => (
            <input {...control} className="input" name="name" autoComplete="name" value={values.name} onChange={set('name')} required />
          )}
        </Field>
        <Field id={fieldId('email')} label={t.email} hint={t.emailHint} error={errors.email}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              value={values.email}
              onChange={set('email')}
              required
            />
          )}
        </Field>
        <Field id={fieldId('password')} label={t.password} hint={t.passwordRules} error={errors.password}>
          {(control) => (
            <input
              {...control}
              className="input"
              type={showPassword ? 'text' : 'password'}
              name="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              value={values.password}
              onChange={set('password')}
              required
            />
          )}
        </Field>
        <div className="checkbox">
          <input id="signup-show-password" type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          <label htmlFor="signup-show-password">{t.showPassword}</label>
        </div>
        <Field id={fieldId('country')} label={t.country} hint={t.countryHint} error={errors.country}>
          {(control) => (
            <select {...control} className="select" name="country" autoComplete="country" value={values.country} onChange={set('country')} required>
              <option value="">{t.chooseCountry}</option>
              <optgroup label={t.programmeCountries}>
                {countries.programme.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t.otherCountries}>
                {countries.others.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field id={fieldId('institution')} label={t.institution} hint={t.institutionHint} error={errors.institution}>
          {(control) => (
            <input
              {...control}
              className="input"
              name="institution"
              autoComplete="organization"
              value={values.institution}
              onChange={set('institution')}
              required
            />
          )}
        </Field>
        <Field id={fieldId('institutionType')} label={t.institutionType} error={errors.institutionType}>
          {(control) => (
            <select {...control} className="select" name="institutionType" value={values.institutionType} onChange={set('institutionType')} required>
              <option value="">{t.chooseInstitutionType}</option>
              {INSTITUTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t.institutionTypes[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId('position')} label={t.position} optionalText={t.optional} error={errors.position}>
          {(control) => (
            <input
              {...control}
              className="input"
              name="position"
              autoComplete="organization-title"
              value={values.position}
              onChange={set('position')}
            />
          )}
        </Field>
        <Field id={fieldId('gender')} label={t.gender} optionalText={t.optional} error={errors.gender}>
          {(control) => (
            <select {...control} className="select" name="gender" value={values.gender} onChange={set('gender')}>
              <option value="">{t.notSaid}</option>
              {GENDERS.map((gender) => (
                <option key={gender} value={gender}>
                  {t.genders[gender]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId('language')} label={t.preferredLanguage} hint={t.preferredLanguageHint} error={errors.language}>
          {(control) => (
            <select {...control} className="select" name="language" value={values.language} onChange={set('language')}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {nativeLanguageName(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t.working : t.signUpButton}
        </button>
      </form>
      <p className="form-aside">
        {t.haveAccount} <Link to={routes.signIn(params.get('next') ?? undefined)}>{t.signInInstead}</Link>
      </p>
    </div>
  );
}

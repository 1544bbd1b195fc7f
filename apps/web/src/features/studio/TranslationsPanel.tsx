import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LANGUAGES, type Language } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ItemIcon } from '../../components/ItemIcon';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { routes } from '../../routes';
import { adminCoursesKey, getAdminCourses, getTranslations, translationsKey, type TranslationStatus } from './api';
import { useEditor } from './editor-context';
import { messages } from './messages';
import { translationDraft } from './model';

export function TranslationsPanel() {
  const t = useMessages(messages);
  const { saved, model } = useEditor();
  const slug = saved!.slug;
  const translations = useResource(`${translationsKey(slug)}#${saved!.updatedAt}`, (signal) => getTranslations(slug, signal));

  return (
    <>
      <PageHeading>{t.tabTranslations}</PageHeading>
      <p>{t.translationsIntro}</p>
      <p className="muted code">{t.translationKey(model.translationKey)}</p>
      {translations.error ? (
        <ErrorNotice error={translations.error} onRetry={translations.reload} />
      ) : !translations.data ? (
        <Skeleton lines={4} />
      ) : translations.data.length === 0 ? (
        <p className="notice">{t.noTranslations}</p>
      ) : (
        <ul className="translation-list">
          {translations.data.map((tr) => (
            <TranslationCard key={tr.slug} translation={tr} />
          ))}
        </ul>
      )}
      {translations.data ? (
        <>
          <StartTranslation taken={[model.language, ...translations.data.map((tr) => tr.language)]} />
          <LinkTranslation />
        </>
      ) : null}
    </>
  );
}

function TranslationCard({ translation }: { translation: TranslationStatus }) {
  const t = useMessages(messages);
  const format = useFormat();
  const list = (items: TranslationStatus['missing']) => (
    <ul className="plain-list">
      {items.map((i) => (
        <li key={i.key}>
          <ItemIcon type={i.type} /> {i.type === 'quiz' ? t.quiz : t.lesson}: <span lang={translation.language}>{i.title}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <li className="translation-card">
      <h2 className="translation-card__title">
        {t.translationIn(format.languageName(translation.language))}:{' '}
        <Link to={routes.studioCourse(translation.slug)} lang={translation.language} aria-label={t.openInEditor(translation.title)}>
          {translation.title}
        </Link>
      </h2>
      {translation.missing.length === 0 && translation.extra.length === 0 ? <p className="badge badge--done">{t.complete}</p> : null}
      {translation.missing.length > 0 ? (
        <>
          <p className="strong">{t.missingIn}</p>
          {list(translation.missing)}
        </>
      ) : null}
      {translation.extra.length > 0 ? (
        <>
          <p className="strong">{t.extraIn}</p>
          {list(translation.extra)}
        </>
      ) : null}
    </li>
  );
}

function StartTranslation({ taken }: { taken: Language[] }) {
  const t = useMessages(messages);
  const format = useFormat();
  const navigate = useNavigate();
  const { model, dirty, say, canEdit } = useEditor();
  const free = LANGUAGES.filter((l) => !taken.includes(l));
  const [language, setLanguage] = useState<Language | ''>(free[0] ?? '');
  return (
    <section className="studio-section panel-box" aria-labelledby="start-translation">
      <h2 id="start-translation">{t.startTitle}</h2>
      <p>{t.startHint}</p>
      {free.length === 0 ? (
        <p className="muted">{t.startNone}</p>
      ) : (
        <div className="inline-form">
          <div className="field">
            <label className="field__label" htmlFor="translation-language">
              {t.startLanguage}
            </label>
            <select id="translation-language" className="select" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {free.map((l) => (
                <option key={l} value={l}>
                  {format.languageName(l)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            aria-disabled={!canEdit}
            onClick={() => {
              if (!language) return;
              if (dirty) {
                say(t.saveBeforeTranslating);
                return;
              }
              navigate(routes.studioNew(), { state: { template: translationDraft(model, language) } });
            }}
          >
            {t.startButton}
          </button>
        </div>
      )}
    </section>
  );
}

function LinkTranslation() {
  const t = useMessages(messages);
  const format = useFormat();
  const { model, update, say, canEdit } = useEditor();
  const courses = useResource(adminCoursesKey, (signal) => getAdminCourses(signal));
  const [choice, setChoice] = useState('');

  // A course can join a group that has no course in its language yet.
  const groups = new Map<string, { slug: string; title: string; language: Language }[]>();
  for (const c of courses.data ?? []) groups.set(c.translationKey, [...(groups.get(c.translationKey) ?? []), c]);
  const candidates = (courses.data ?? []).filter(
    (c) => c.slug !== model.slug && c.translationKey !== model.translationKey && !(groups.get(c.translationKey) ?? []).some((g) => g.language === model.language),
  );
  const linked = model.translationKey !== model.slug;

  return (
    <section className="studio-section panel-box" aria-labelledby="link-translation">
      <h2 id="link-translation">{t.linkTitle}</h2>
      <p>{t.linkHint}</p>
      {courses.error ? (
        <ErrorNotice error={courses.error} onRetry={courses.reload} />
      ) : !courses.data ? (
        <Skeleton lines={2} />
      ) : candidates.length === 0 ? (
        <p className="muted">{t.linkNone}</p>
      ) : (
        <div className="inline-form">
          <div className="field">
            <label className="field__label" htmlFor="link-course">
              {t.linkSelect}
            </label>
            <select id="link-course" className="select" value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t.linkChoose}</option>
              {candidates.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.title} ({format.languageName(c.language)})
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={!canEdit}
            onClick={() => {
              const target = candidates.find((c) => c.slug === choice);
              if (!target || !canEdit) return;
              update((m) => ({ ...m, translationKey: target.translationKey }));
              setChoice('');
              say(t.linkedPending);
            }}
          >
            {t.linkButton}
          </button>
        </div>
      )}
      {linked ? (
        <p>
          <button
            type="button"
            className="button button--link"
            aria-disabled={!canEdit}
            onClick={() => {
              if (!canEdit) return;
              update((m) => ({ ...m, translationKey: m.slug }));
              say(t.linkedPending);
            }}
          >
            {t.unlink}
          </button>{' '}
          <span className="muted">{t.unlinkHint}</span>
        </p>
      ) : null}
    </section>
  );
}

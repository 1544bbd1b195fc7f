import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { LANGUAGES, type CourseSummaryDto, type Language, type MyEnrollmentDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useLanguage, useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { useAuth } from '../auth/auth-context';
import { getMyEnrollments, myEnrollmentsKey } from '../my-courses/api';
import { coursesKey, getCourses, type CourseFilters } from './api';
import { CourseCard } from './CourseCard';
import { TOPICS, messages } from './messages';

const ALL = 'all';

function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

export default function CataloguePage() {
  const t = useMessages(messages);
  const format = useFormat();
  const { lang: uiLang } = useLanguage();
  const [params, setParams] = useSearchParams();

  const langParam = params.get('lang');
  // Default filter: courses in the interface's language.
  const langFilter: Language | typeof ALL = langParam === ALL ? ALL : isLanguage(langParam) ? langParam : uiLang;
  const topic = params.get('topic') ?? '';
  const q = params.get('q') ?? '';

  const filters: CourseFilters = { lang: langFilter === ALL ? undefined : langFilter, topic: topic || undefined, q: q || undefined };
  const key = coursesKey(filters);
  const courses = useResource(key, (signal) => getCourses(filters, signal));
  // A search in one language also looks in the others, shown apart and marked.
  const everywhere: CourseFilters = { topic: filters.topic, q: filters.q };
  const others = useResource(q && filters.lang ? coursesKey(everywhere) : null, (signal) => getCourses(everywhere, signal));
  const { user } = useAuth();
  const mine = useResource(user ? myEnrollmentsKey : null, getMyEnrollments);
  const enrollmentOf = (course: CourseSummaryDto): MyEnrollmentDto | undefined => {
    const slugs = new Set([course.slug, ...course.translations.map((tr) => tr.slug)]);
    return mine.data?.find((e) => slugs.has(e.course.slug));
  };
  const shown = new Set((courses.data ?? []).flatMap((c) => [c.slug, ...c.translations.map((tr) => tr.slug)]));
  const elsewhere = (others.data ?? []).filter((c) => c.language !== filters.lang && !shown.has(c.slug));

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  const filtered = Boolean(q || topic || langParam);

  return (
    <div className="container page">
      <PageHeading>{t.title}</PageHeading>
      <p className="lead">{t.intro}</p>

      <section className="filters" aria-label={t.filters}>
        <SearchForm key={q} initial={q} onSearch={(value) => update({ q: value })} />
        <div className="filters__selects">
          <div className="field">
            <label className="field__label" htmlFor="filter-lang">
              {t.language}
            </label>
            <select
              id="filter-lang"
              className="select"
              value={langFilter}
              onChange={(e) => update({ lang: e.target.value === uiLang ? '' : e.target.value })}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {format.languageName(code)}
                </option>
              ))}
              <option value={ALL}>{t.allLanguages}</option>
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="filter-topic">
              {t.topic}
            </label>
            <select id="filter-topic" className="select" value={topic} onChange={(e) => update({ topic: e.target.value })}>
              <option value="">{t.allTopics}</option>
              {TOPICS.map((code) => (
                <option key={code} value={code}>
                  {t.topics[code]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {filtered ? (
          <button type="button" className="button button--link" onClick={() => setParams({}, { replace: true })}>
            {t.clear}
          </button>
        ) : null}
      </section>

      <p className="results-count" role="status">
        {courses.data ? t.results(courses.data.length) : ''}
      </p>

      {courses.error ? (
        <ErrorNotice error={courses.error} onRetry={courses.reload} />
      ) : !courses.data ? (
        <ul className="cards">
          {[0, 1, 2].map((i) => (
            <li key={i}>
              <Skeleton lines={4} className="skeleton--card" />
            </li>
          ))}
        </ul>
      ) : courses.data.length === 0 ? (
        <p className="notice">{t.empty}</p>
      ) : (
        <ul className="cards">
          {courses.data.map((course) => (
            <li key={course.slug}>
              <CourseCard course={course} enrollment={enrollmentOf(course)} />
            </li>
          ))}
        </ul>
      )}
      {elsewhere.length > 0 ? (
        <section aria-labelledby="other-languages">
          <h2 id="other-languages">{t.otherLanguages}</h2>
          <p className="muted">{t.otherLanguagesHint}</p>
          <ul className="cards">
            {elsewhere.map((course) => (
              <li key={course.slug}>
                <CourseCard course={course} enrollment={enrollmentOf(course)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const t = useMessages(messages);
  const [value, setValue] = useState(initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form role="search" className="search" onSubmit={onSubmit}>
      <label className="field__label" htmlFor="catalogue-q">
        {t.searchLabel}
      </label>
      <div className="search__row">
        <input
          id="catalogue-q"
          className="input"
          type="search"
          name="q"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          enterKeyHint="search"
        />
        <button type="submit" className="button">
          {t.search}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useState } from 'react';
import type { OutboxMessageDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { useFormat, useMessages } from '../../lib/i18n';
import { getOutbox } from './api';
import { messages } from './messages';

/** Admins read here what eCampus would have mailed (no SMTP_URL), and see what was sent. */
export default function OutboxPage() {
  const t = useMessages(messages);
  const format = useFormat();
  const [list, setList] = useState<OutboxMessageDto[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getOutbox(controller.signal).then(setList, (e) => !controller.signal.aborted && setError(e));
    return () => controller.abort();
  }, [reload]);

  return (
    <div className="container page">
      <PageHeading>{t.outboxTitle}</PageHeading>
      <p>{t.outboxIntro}</p>
      {error ? <ErrorNotice error={error} onRetry={() => { setError(null); setReload((n) => n + 1); }} /> : null}
      {list && list.length === 0 ? <p>{t.outboxEmpty}</p> : null}
      {list ? (
        <ul className="outbox">
          {list.map((m) => (
            <li key={m.id} className="card outbox__item">
              <details>
                <summary>
                  <strong>{m.subject}</strong>
                  <span className="card__meta"> · {t.to}: {m.to} · {format.date(m.createdAt)} · {t.statuses[m.status]}</span>
                </summary>
                <pre className="outbox__text">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

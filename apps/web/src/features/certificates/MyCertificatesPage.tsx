import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { MyCertificateDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { routes, serverPages } from '../../routes';
import { getMyCertificates, myCertificatesKey } from './api';
import { messages } from './messages';

const POLL_MS = 4000;

export default function MyCertificatesPage() {
  const t = useMessages(messages);
  const certificates = useResource(myCertificatesKey, getMyCertificates);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<Map<string, MyCertificateDto['status']>>(new Map());

  const anyPending = certificates.data?.some((c) => c.status === 'pending') ?? false;
  const { reload } = certificates;

  // Pending certificates are generated in the background: look again every few seconds until issued.
  useEffect(() => {
    if (!anyPending) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [anyPending, reload]);

  useEffect(() => {
    if (!certificates.data) return;
    const ready = certificates.data.filter((c) => c.status === 'issued' && previous.current.get(c.code) === 'pending');
    if (ready.length > 0) setAnnouncement(ready.map((c) => t.nowIssued(c.course.title)).join(' '));
    previous.current = new Map(certificates.data.map((c) => [c.code, c.status]));
  }, [certificates.data, t]);

  return (
    <div className="container page">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {certificates.error && !certificates.data ? (
        <ErrorNotice error={certificates.error} onRetry={certificates.reload} />
      ) : !certificates.data ? (
        <ul className="cards">
          {[0, 1].map((i) => (
            <li key={i}>
              <Skeleton lines={3} className="skeleton--certificate" />
            </li>
          ))}
        </ul>
      ) : certificates.data.length === 0 ? (
        <div className="notice">
          <p>{t.empty}</p>
          <Link className="button" to={routes.myCourses()}>
            {t.myCourses}
          </Link>
        </div>
      ) : (
        <ul className="cards">
          {certificates.data.map((certificate) => (
            <li key={certificate.code}>
              <CertificateCard certificate={certificate} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CertificateCard({ certificate }: { certificate: MyCertificateDto }) {
  const t = useMessages(messages);
  const format = useFormat();
  const { status, course, code } = certificate;
  return (
    <article className={`card certificate certificate--${status}`}>
      <h2 className="card__title">{course.title}</h2>
      <dl className="details">
        <div>
          <dt>{t.status}</dt>
          <dd>
            <span className={`status status--${status}`}>
              {status === 'pending' ? <span className="spinner" aria-hidden="true" /> : null}
              {t[status]}
            </span>
            {status === 'issued' && certificate.issuedAt ? <> · {t.issuedOn(format.date(certificate.issuedAt))}</> : null}
          </dd>
        </div>
        <div>
          <dt>{t.code}</dt>
          <dd className="code">{code}</dd>
        </div>
      </dl>
      {status === 'pending' ? <p className="muted">{t.pendingHelp}</p> : null}
      {status === 'revoked' ? <p className="muted">{t.revokedHelp}</p> : null}
      {status !== 'pending' ? (
        <div className="actions">
          {status === 'issued' ? (
            // The PDF and the verify page come from the server: plain links, not the router.
            <a className="button" href={serverPages.certificatePdf(code)} download={`${code}.pdf`} aria-label={t.downloadOf(course.title)}>
              {t.download}
            </a>
          ) : null}
          <a className="button button--secondary" href={serverPages.verify(code)} aria-label={t.verifyOf(course.title)}>
            {t.verify}
          </a>
        </div>
      ) : null}
    </article>
  );
}

import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useMessages } from '../../lib/i18n';
import { routes } from '../../routes';
import { messages } from './messages';

export default function NotFoundPage() {
  const t = useMessages(messages);
  return (
    <div className="container page">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.body}</p>
      <p>
        <Link className="button" to={routes.catalogue()}>
          {t.home}
        </Link>
      </p>
    </div>
  );
}

import { Link } from 'react-router';
import type { ItemType } from '@ecampus/contracts';
import { routes } from '../routes';

type Item = { id: string; type: ItemType; title: string };

interface ItemPagerProps {
  previous?: Item;
  next?: Item;
  labels: { pager: string; previous: string; next: string };
  lang?: string;
  /** Where an item is (the studio's preview has its own pages); the learner pages by default. */
  href?: (item: Item) => string;
}

/** Links to the previous and next items of the course. */
export function ItemPager({ previous, next, labels, lang, href = routes.item }: ItemPagerProps) {
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label={labels.pager}>
      {previous ? (
        <Link className="pager__link pager__link--previous" to={href(previous)} rel="prev">
          <span className="pager__direction">
            <span aria-hidden="true">← </span>
            {labels.previous}
          </span>
          <span className="pager__title" lang={lang}>
            {previous.title}
          </span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link className="pager__link pager__link--next" to={href(next)} rel="next">
          <span className="pager__direction">
            {labels.next}
            <span aria-hidden="true"> →</span>
          </span>
          <span className="pager__title" lang={lang}>
            {next.title}
          </span>
        </Link>
      ) : null}
    </nav>
  );
}

import { Component, Suspense, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigationType } from 'react-router';
import { AuthProvider, STAFF_ROLES, useAuth } from '../features/auth/auth-context';
import { UI_LANGUAGES, nativeLanguageName, useLanguage, useMessages } from '../lib/i18n';
import { requestHeadingFocus, setAnnouncer } from '../lib/route-focus';
import { pageIdentity, routes } from '../routes';
import { Skeleton } from '../components/Skeleton';
import { OfflineStatus } from '../features/offline/OfflineStatus';
import { messages, type AppMessages } from './messages';

function LanguageSwitch() {
  const { lang, setLang } = useLanguage();
  const t = useMessages(messages);
  return (
    <div className="lang-switch" role="group" aria-label={t.language}>
      <span className="lang-switch__label" aria-hidden="true">
        {t.language}:
      </span>
      {UI_LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="lang-switch__button"
          aria-pressed={code === lang}
          onClick={() => setLang(code)}
        >
          {nativeLanguageName(code)}
        </button>
      ))}
    </div>
  );
}

function MainNav({ open, onNavigate }: { open: boolean; onNavigate: () => void }) {
  const t = useMessages(messages);
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const staff = user ? STAFF_ROLES.includes(user.role) : false;

  const onSignOut = async () => {
    onNavigate();
    try {
      await signOut();
    } finally {
      navigate(routes.catalogue());
    }
  };

  const link = (to: string, label: string, end = false) => (
    <li>
      <NavLink to={to} end={end} className="nav__link" onClick={onNavigate}>
        {label}
      </NavLink>
    </li>
  );

  return (
    <nav id="main-nav" className="nav" aria-label={t.mainNav} data-open={open}>
      <ul className="nav__list">
        {link(routes.catalogue(), t.catalogue, true)}
        {link(routes.directory(), t.directory)}
        {user ? (
          <>
            {link(routes.myCourses(), t.myCourses)}
            {link(routes.myCertificates(), t.myCertificates)}
            {staff ? link(routes.studio(), t.studio) : null}
            {staff ? link(routes.adminReports(), t.reports) : null}
            {user.role === 'admin' ? link(routes.adminUsers(), t.users) : null}
            {user.role === 'admin' ? link(routes.adminCertificates(), t.certificateSettings) : null}
            {user.role === 'admin' ? link(routes.adminOutbox(), t.outbox) : null}
            {link(routes.profile(), t.profile)}
            {user.role === 'admin' ? link(routes.adminAudit(), t.audit) : null}
            <li>
              <button type="button" className="nav__link nav__button" onClick={onSignOut}>
                {t.signOut}
              </button>
            </li>
          </>
        ) : user === null ? (
          <>
            {link(routes.signIn(), t.signIn)}
            {link(routes.signUp(), t.signUp)}
          </>
        ) : null}
      </ul>
    </nav>
  );
}

function Header() {
  const t = useMessages(messages);
  const { user } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  useEffect(() => setMenuOpen(false), [location.pathname]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && menuOpen) {
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };

  return (
    <header className="site-header" onKeyDown={onKeyDown}>
      <div className="topbar">
        <div className="container topbar__inner">
          <span className="topbar__user">{user ? t.signedInAs(user.name) : t.tagline}</span>
          <LanguageSwitch />
        </div>
      </div>
      <div className="container header__inner">
        <Link to={routes.catalogue()} className="brand" aria-label={t.homeLink}>
          <svg className="brand__logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M9 10h14v3H12.5v2.5H21v3h-8.5V21H23v3H9z" fill="#0033A0" />
          </svg>
          <span className="brand__name">eCampus</span>
        </Link>
        <button
          ref={menuButton}
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {t.menu}
        </button>
        <MainNav open={menuOpen} onNavigate={() => setMenuOpen(false)} />
      </div>
    </header>
  );
}

class ChunkErrorBoundary extends Component<{ children: ReactNode; t: AppMessages }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    const { t } = this.props;
    return (
      <div className="container page">
        <h1 tabIndex={-1} data-ready="true">
          eCampus
        </h1>
        <div className="notice notice--error" role="alert">
          <p>{t.chunkError}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t.reload}
          </button>
        </div>
      </div>
    );
  }
}

function PageFallback() {
  return (
    <div className="container page">
      <div className="skeleton skeleton--heading skeleton--page-heading" aria-hidden="true" />
      <Skeleton lines={4} />
    </div>
  );
}

function Shell() {
  const t = useMessages(messages);
  const location = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A new page starts at its top (back/forward keeps the browser's own restoration).
    if (navigationType !== 'POP' && !location.hash) window.scrollTo(0, 0);
    requestHeadingFocus();
    // Only a change of page moves focus, not a change of filters in the query string.
  }, [location.pathname]);

  useEffect(() => {
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [location.hash, location.pathname]);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Focus the main region without adding a history entry the router would have to handle.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t.skipToContent}
      </a>
      <Header />
      <OfflineStatus />
      <main id="main" tabIndex={-1}>
        <ChunkErrorBoundary key={pageIdentity(location.pathname)} t={t}>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </ChunkErrorBoundary>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t.footerAbout}</p>
          <p>{t.footerIom}</p>
        </div>
      </footer>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" ref={setAnnouncer} />
    </>
  );
}

export function Layout() {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}

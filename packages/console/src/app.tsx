import { useMemo, useState } from 'preact/hooks';
import { createApi } from './api/client';
import { loadSession, saveSession, type Session } from './api/session';
import { Console } from './context';
import { language, LANGUAGES, setLanguage, t, type Language } from './i18n';
import { navigate, useRoute, type Route } from './router';
import { BatchView } from './views/batch';
import { DocumentPage } from './views/document/document-page';
import { Inbox } from './views/inbox/inbox';
import { Link } from './views/link';
import { DeadLetters } from './views/ops/dead-letters';
import { Jobs } from './views/ops/jobs';
import { Pipeline } from './views/ops/pipeline';
import { Tenants } from './views/ops/tenants';
import { Records } from './views/records';
import { SignIn } from './views/sign-in';
import { Upload } from './views/upload';

const TENANT_NAV = [
  ['/', 'nav.inbox', 'inbox'],
  ['/upload', 'nav.upload', 'upload'],
  ['/records', 'nav.records', 'records'],
] as const;
const ADMIN_NAV = [
  ['/ops/pipeline', 'nav.pipeline', 'pipeline'],
  ['/ops/dead-letters', 'nav.deadLetters', 'dead-letters'],
  ['/ops/jobs', 'nav.jobs', 'jobs'],
  ['/ops/tenants', 'nav.tenants', 'tenants'],
] as const;

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [, setLang] = useState<Language>(language());
  const route = useRoute();
  const signOut = () => {
    saveSession(null);
    setSession(null);
  };
  const api = useMemo(() => (session ? createApi(session.key, signOut) : null), [session?.key]);
  const changeLanguage = (next: Language) => {
    setLanguage(next);
    setLang(next);
  };

  const languagePicker = (
    <label class="language">
      <span class="visually-hidden">{t('nav.language')}</span>
      <select
        value={language()}
        onChange={(e) => changeLanguage((e.target as HTMLSelectElement).value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option value={l}>{l === 'en' ? 'English' : 'Español'}</option>
        ))}
      </select>
    </label>
  );

  if (!session || !api)
    return (
      <SignIn
        languagePicker={languagePicker}
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
          navigate(s.role === 'admin' ? '/ops/pipeline' : '/');
        }}
      />
    );

  const nav = session.role === 'admin' ? ADMIN_NAV : TENANT_NAV;
  return (
    <Console.Provider value={{ session, api, signOut }}>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <span class="brand">docflow</span>
        <nav aria-label={t('nav.main')}>
          {nav.map(([to, label, page]) => (
            <Link to={to} current={route.page === page}>
              {t(label)}
            </Link>
          ))}
        </nav>
        <div class="top-end">
          {languagePicker}
          <button type="button" class="secondary" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} admin={session.role === 'admin'} />
      </main>
    </Console.Provider>
  );
}

function Page({ route, admin }: { route: Route; admin: boolean }) {
  // the admin key cannot read documents and a tenant key cannot operate the pipeline: each sees
  // only its own pages
  if (admin) {
    switch (route.page) {
      case 'dead-letters':
        return <DeadLetters />;
      case 'jobs':
        return <Jobs />;
      case 'tenants':
        return <Tenants />;
      default:
        return <Pipeline />;
    }
  }
  switch (route.page) {
    case 'document':
      return <DocumentPage key={route.id} id={route.id} />;
    case 'upload':
      return <Upload />;
    case 'batch':
      return <BatchView key={route.id} id={route.id} />;
    case 'records':
      return <Records />;
    default:
      return <Inbox />;
  }
}

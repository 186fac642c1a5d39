import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { identify, type Session } from '../api/session';
import { t } from '../i18n';

export function SignIn(props: {
  onSignedIn: (s: Session) => void;
  languagePicker: ComponentChildren;
}) {
  const [key, setKey] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setState({ busy: true, error: null });
    try {
      const role = await identify(key.trim());
      if (!role) setState({ busy: false, error: t('signIn.invalid') });
      else props.onSignedIn({ key: key.trim(), role });
    } catch (err) {
      setState({ busy: false, error: t('signIn.failed', { message: (err as Error).message }) });
    }
  };
  return (
    <main id="main" class="sign-in">
      <div class="sign-in-top">{props.languagePicker}</div>
      <h1>{t('app.title')}</h1>
      <form onSubmit={submit} class="card">
        <h2>{t('signIn.title')}</h2>
        <p id="key-hint">{t('signIn.hint')}</p>
        <label for="api-key">{t('signIn.key')}</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="off"
          required
          aria-describedby="key-hint"
          value={key}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={state.busy || key.trim() === ''}>
          {state.busy ? t('signIn.checking') : t('signIn.submit')}
        </button>
        {state.error && (
          <p class="error" role="alert">
            {state.error}
          </p>
        )}
      </form>
    </main>
  );
}

import { render } from 'preact';
import { App } from './app';
import { language, setLanguage } from './i18n';
import './styles.css';

setLanguage(language());
render(<App />, document.getElementById('app')!);

// First: configures zod before any schema module is evaluated (see zod-config.ts).
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { currentLanguage, speakOnThisPage, storeLanguage } from './i18n/language';
import { loadLanguagePack } from './i18n/language-packs';
import { repairAntdAria } from './lib/antd-aria-repairs';
import { registerServiceWorker } from './lib/service-worker';
import './styles.css';

storeLanguage(currentLanguage());
registerServiceWorker();
repairAntdAria();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const render = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// English is a chunk of its own: load it before the first render when it is the chosen language.
// Offline with the chunk not cached, this visit is in Chinese and the choice stays for the next.
loadLanguagePack(currentLanguage()).then(render, () => {
  speakOnThisPage('zh');
  render();
});

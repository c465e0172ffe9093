// First: configures zod before any schema module is evaluated (see zod-config.ts).
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { currentLanguage, storeLanguage } from './i18n/language';
import { repairAntdAria } from './lib/antd-aria-repairs';
import { registerServiceWorker } from './lib/service-worker';
import './styles.css';

storeLanguage(currentLanguage());
registerServiceWorker();
repairAntdAria();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

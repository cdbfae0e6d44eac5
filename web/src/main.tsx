import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod';
import { initI18n } from './app/i18n.js';
import { App } from './app/App.js';

// Zod (in the shared form and screening rules) probes `new Function` to compile faster
// validators; our Content-Security-Policy forbids eval, so tell it not to try (docs/security.md).
zodConfig({ jitless: true });
initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

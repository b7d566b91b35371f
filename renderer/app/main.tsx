import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import { applyDocumentLanguage, initialLanguage } from '../i18n/i18n';
import { App } from './App';

applyDocumentLanguage(initialLanguage);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

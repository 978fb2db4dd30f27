import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { listenForInstall } from '../ui/installStore';
import { listenForUnexpectedErrors } from '../ui/unexpectedErrors';
import { ErrorBoundary } from './ErrorScreen';
import { App } from './App';
import './styles.css';

// Before React mounts: the browser's install dialog may be offered at any moment after the page loads.
listenForInstall();
// A failed action nobody caught says so in Russian instead of doing nothing.
listenForUnexpectedErrors();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

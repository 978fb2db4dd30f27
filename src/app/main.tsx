import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { listenForInstall } from '../ui/installStore';
import { App } from './App';
import './styles.css';

// Before React mounts: the browser's install dialog may be offered at any moment after the page loads.
listenForInstall();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

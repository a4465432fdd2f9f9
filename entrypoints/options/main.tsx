import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserOptionsBackend } from '@/components/options/browser-backend';
import { OptionsPage } from '@/components/options/OptionsPage';
import '@/components/shared/base.css';
import '@/components/options/options.css';

const backend = createBrowserOptionsBackend();

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><OptionsPage backend={backend} /></StrictMode>);

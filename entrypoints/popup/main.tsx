import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserPopupBackend } from '@/components/popup/browser-backend';
import { TemplatesPopup } from '@/components/popup/TemplatesPopup';
// The popup speaks the settings page's visual language: the same tokens, controls and notices.
import '@/components/shared/base.css';
import '@/components/popup/popup.css';

const backend = createBrowserPopupBackend();

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><TemplatesPopup backend={backend} /></StrictMode>);

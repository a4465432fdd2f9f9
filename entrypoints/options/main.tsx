import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsPage, type OptionsBackend } from '@/components/options/OptionsPage';
import { request } from '@/utils/messaging/client';
import '@/components/options/options.css';

const backend: OptionsBackend = {
  getSettings: () => request('getSettings', {}),
  saveSettings: (input) => request('saveSettings', input),
  testConnection: (input) => request('testConnection', input),
};

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><OptionsPage backend={backend} /></StrictMode>);

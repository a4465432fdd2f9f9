import { useEffect, useState } from 'react';
import { BrandMark } from '@/components/shared/BrandMark';
import { ErrorNotice } from '@/components/shared/Notice';
import type { SettingsView } from '@/utils/messaging/views';
import type { OptionsBackend } from './backend';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import { SettingsForm } from './SettingsForm';

type LoadState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; settings: SettingsView };

const CONSOLE_URL = 'https://console.twilio.com/';

export function OptionsPage({ backend }: { backend: OptionsBackend }) {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    backend.getSettings().then(
      (settings) => {
        if (current) setLoad({ status: 'ready', settings });
      },
      (error: unknown) => {
        if (current) setLoad({ status: 'failed', message: backgroundErrorMessage(error, 'Something unexpected went wrong.') });
      },
    );
    return () => {
      current = false;
    };
  }, [backend, attempt]);

  const retry = () => {
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  return (
    <main className="page">
      <header className="page__header">
        <div className="brand">
          <BrandMark />
          <span className="brand__name">Dealchat</span>
        </div>
        <h1 className="page__title">Twilio settings</h1>
        <p className="page__lead">
          Dealchat sends WhatsApp messages to your deal contacts through your company’s own Twilio account. Enter the
          account’s details once; saved secrets are never shown again.
        </p>
        <div className="where">
          <h2 className="where__title">Where to find them in the Twilio Console</h2>
          <ul className="where__list">
            <li>
              <strong>Account SID</strong> and <strong>Auth Token</strong>: on the Console home page, under Account Info.
            </li>
            <li>
              <strong>API keys</strong>: Account → API keys &amp; tokens.
            </li>
            <li>
              <strong>WhatsApp sender</strong>: Messaging → Senders → WhatsApp senders.
            </li>
          </ul>
          <a className="where__link" href={CONSOLE_URL} target="_blank" rel="noreferrer">
            Open the Twilio Console<span className="visually-hidden"> (opens in a new tab)</span>
            <ExternalIcon />
          </a>
        </div>
      </header>

      {load.status === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading your settings…
        </p>
      )}
      {load.status === 'failed' && (
        <ErrorNotice title="Your settings could not be loaded">
          <p>{load.message}</p>
          <button type="button" className="button button--secondary notice__action" onClick={retry}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {load.status === 'ready' && <SettingsForm initial={load.settings} backend={backend} />}
    </main>
  );
}

function ExternalIcon() {
  return (
    <svg className="where__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d="M9 2.5h4.5V7M13.5 2.5L7.5 8.5M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

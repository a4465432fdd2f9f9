import { useCallback } from 'react';
import { BrandMark } from '@/components/shared/BrandMark';
import { LinkIcon } from '@/components/shared/icons';
import { ErrorNotice } from '@/components/shared/Notice';
import { useLoad } from '@/components/shared/useLoad';
import type { OptionsBackend } from './backend';
import { SettingsForm } from './SettingsForm';

const CONSOLE_URL = 'https://console.twilio.com/';

export function OptionsPage({ backend }: { backend: OptionsBackend }) {
  const getSettings = useCallback(() => backend.getSettings(), [backend]);
  const { state: load, retry } = useLoad(getSettings, 'Something unexpected went wrong.');

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
            <LinkIcon className="where__icon" />
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
      {load.status === 'ready' && <SettingsForm initial={load.value} backend={backend} />}
    </main>
  );
}

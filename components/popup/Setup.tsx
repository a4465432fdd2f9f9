import { ConnectIcon } from '@/components/shared/icons';

/** Shown until the Twilio account is connected: without it there are no templates to list. */
export function Setup({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <div className="setup">
      <span className="setup__icon">
        <ConnectIcon />
      </span>
      <h2 className="setup__title">Connect your Twilio account</h2>
      <p className="setup__text">
        Dealchat lists your WhatsApp templates once it knows your company’s Twilio account. Enter its details once in
        the settings.
      </p>
      {/* The one thing to do here, so Enter does it. */}
      <button type="button" className="button button--primary" autoFocus onClick={onOpenSettings}>
        Open settings
      </button>
    </div>
  );
}

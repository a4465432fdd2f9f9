/** Shown until the extension has Twilio details: nothing else here can work before that. */
export function NotConfigured({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <div className="dc-empty">
      <p className="dc-empty__title">Connect your Twilio account</p>
      <p className="dc-empty__text">
        Dealchat sends WhatsApp messages through your company’s Twilio account. Add its details once in the settings,
        then message this deal’s contacts from here.
      </p>
      <button type="button" className="dc-button dc-button--primary" onClick={onOpenSettings}>
        Open settings
      </button>
    </div>
  );
}

/** The panel's small line icons; decorative, so hidden from assistive technology. */

const hidden = { 'aria-hidden': true, focusable: false } as const;
const line = { fill: 'none', stroke: 'currentColor', strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export function PaperclipIcon({ size = 16 }: { size?: number }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} {...hidden}>
      <path d="M10.5 4.5l-5 5a1.4 1.4 0 0 0 2 2l5.5-5.5a2.8 2.8 0 0 0-4-4L3.5 7.5a4.2 4.2 0 0 0 6 6l4-4" strokeWidth="1.3" {...line} />
    </svg>
  );
}

export function TemplateIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" {...hidden}>
      <rect x="2.5" y="2" width="11" height="12" rx="2" strokeWidth="1.4" {...line} />
      <path d="M5.5 5.5h5M5.5 8h5M5.5 10.5h3" strokeWidth="1.4" {...line} />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" {...hidden}>
      <path d="M4 4l8 8M12 4l-8 8" strokeWidth="1.6" {...line} />
    </svg>
  );
}

export function BackIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" {...hidden}>
      <path d="M10 3.5L5.5 8l4.5 4.5" strokeWidth="1.6" {...line} />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <svg className="dc-search__icon" viewBox="0 0 16 16" width="16" height="16" {...hidden}>
      <circle cx="7" cy="7" r="4.5" strokeWidth="1.5" {...line} />
      <path d="M10.5 10.5L14 14" strokeWidth="1.5" {...line} />
    </svg>
  );
}

export function SettingsIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" {...hidden}>
      <circle cx="8" cy="8" r="2.2" strokeWidth="1.4" {...line} />
      <path
        d="M8 1.8v1.6M8 12.6v1.6M14.2 8h-1.6M3.4 8H1.8M12.4 3.6l-1.1 1.1M4.7 11.3l-1.1 1.1M12.4 12.4l-1.1-1.1M4.7 4.7L3.6 3.6"
        strokeWidth="1.4"
        {...line}
      />
    </svg>
  );
}

export function WhatsAppMark() {
  return (
    <svg className="dc-mark" viewBox="0 0 24 24" width="22" height="22" {...hidden}>
      <circle cx="12" cy="12" r="12" fill="currentColor" />
      <path
        d="M12 5.6a6.3 6.3 0 0 0-5.4 9.6l-.8 2.9 3-.8A6.3 6.3 0 1 0 12 5.6z"
        fill="none"
        stroke="#fff"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
      <path
        d="M9.8 9.2c.2-.4.4-.4.6-.4h.4c.1 0 .3 0 .4.3l.5 1.2c0 .1.1.3 0 .4l-.3.4c-.1.1-.2.3-.1.4.2.4.5.8.9 1.2.5.4 1 .6 1.2.7.1.1.3 0 .4-.1l.4-.5c.1-.2.3-.2.4-.1l1.2.6c.2.1.3.1.3.2 0 .2 0 .7-.3 1-.3.4-.9.6-1.3.6-.5 0-1.1-.2-2-.7a7 7 0 0 1-2.3-2.3c-.5-.8-.6-1.4-.6-1.8 0-.4.2-.8.3-1z"
        fill="#fff"
      />
    </svg>
  );
}

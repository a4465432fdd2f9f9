/**
 * The extension's icons, for the panel, the popup and the settings page alike. Decorative, so hidden
 * from assistive technology: the text beside each says what it means.
 */
import type { ReactNode } from 'react';

interface IconProps {
  size?: number;
  /** Line icons carry `icon`, which the popup's stylesheet sizes and aligns. */
  className?: string;
}

const hidden = { 'aria-hidden': true, focusable: false } as const;

/** A line icon on a 16-unit grid, drawn in the text's colour. */
function LineIcon({ size = 16, className = 'icon', strokeWidth = 1.6, children }: IconProps & { strokeWidth?: number; children: ReactNode }) {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...hidden}
    >
      {children}
    </svg>
  );
}

export const SearchIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5L14 14" />
  </LineIcon>
);

export const CloseIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </LineIcon>
);

export const CheckIcon = (props: IconProps) => (
  <LineIcon size={12} {...props}>
    <path d="M3 8.5l3.2 3L13 4.5" strokeWidth="2.2" />
  </LineIcon>
);

export const BackIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M10 3.5L5.5 8l4.5 4.5" />
  </LineIcon>
);

export const SyncIcon = (props: IconProps) => (
  <LineIcon size={15} {...props}>
    <path d="M13.5 7A5.5 5.5 0 0 0 3.4 4.6M2.5 9a5.5 5.5 0 0 0 10.1 2.4" />
    <path d="M3 1.8v3h3M13 14.2v-3h-3" />
  </LineIcon>
);

export const CopyIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 5.5V4a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 4v5A1.5 1.5 0 0 0 4 10.5h1.5" />
  </LineIcon>
);

export const InsertIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M2.5 8h8M7.5 4.5L11 8l-3.5 3.5M13.5 2.5v11" />
  </LineIcon>
);

export const ReplyIcon = (props: IconProps) => (
  <LineIcon size={14} {...props}>
    <path d="M6 4L2.5 7.5 6 11M2.5 7.5H10a3.5 3.5 0 0 1 3.5 3.5v1" />
  </LineIcon>
);

/** A link that leaves the page. */
export const LinkIcon = (props: IconProps) => (
  <LineIcon size={14} {...props}>
    <path d="M9 2.5h4.5V7M13.5 2.5L7.5 8.5M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3" />
  </LineIcon>
);

export const PhoneIcon = (props: IconProps) => (
  <LineIcon size={14} {...props}>
    <path d="M5.6 2.5H3.8a1.3 1.3 0 0 0-1.3 1.4 10.5 10.5 0 0 0 9.6 9.6 1.3 1.3 0 0 0 1.4-1.3v-1.8l-2.7-1.1-1.4 1.4a7 7 0 0 1-3.1-3.1l1.4-1.4z" />
  </LineIcon>
);

export const MediaIcon = (props: IconProps) => (
  <LineIcon size={14} {...props}>
    <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
    <circle cx="6" cy="6.5" r="1.2" />
    <path d="M13.5 10.5L10.5 7.5 4 13" />
  </LineIcon>
);

export const ListIcon = (props: IconProps) => (
  <LineIcon size={14} {...props}>
    <path d="M5.5 4.5h8M5.5 8h8M5.5 11.5h8M2.5 4.5h.01M2.5 8h.01M2.5 11.5h.01" strokeWidth="1.8" />
  </LineIcon>
);

export const ConnectIcon = (props: IconProps) => (
  <LineIcon size={28} {...props}>
    <path d="M6.7 8.7a3.3 3.3 0 0 0 5 .4l2-2A3.3 3.3 0 0 0 9 2.4L7.9 3.5" strokeWidth="1.3" />
    <path d="M9.3 7.3a3.3 3.3 0 0 0-5-.4l-2 2A3.3 3.3 0 0 0 7 13.6l1.1-1.1" strokeWidth="1.3" />
  </LineIcon>
);

export const CodeIcon = (props: IconProps) => (
  <LineIcon size={14} {...props}>
    <path d="M5.5 4.5L2 8l3.5 3.5M10.5 4.5L14 8l-3.5 3.5" />
  </LineIcon>
);

export const PaperclipIcon = (props: IconProps) => (
  <LineIcon strokeWidth={1.3} {...props}>
    <path d="M10.5 4.5l-5 5a1.4 1.4 0 0 0 2 2l5.5-5.5a2.8 2.8 0 0 0-4-4L3.5 7.5a4.2 4.2 0 0 0 6 6l4-4" />
  </LineIcon>
);

export const TemplateIcon = (props: IconProps) => (
  <LineIcon strokeWidth={1.4} {...props}>
    <rect x="2.5" y="2" width="11" height="12" rx="2" />
    <path d="M5.5 5.5h5M5.5 8h5M5.5 10.5h3" />
  </LineIcon>
);

export const SettingsIcon = (props: IconProps) => (
  <LineIcon strokeWidth={1.4} {...props}>
    <circle cx="8" cy="8" r="2.2" />
    <path d="M8 1.8v1.6M8 12.6v1.6M14.2 8h-1.6M3.4 8H1.8M12.4 3.6l-1.1 1.1M4.7 11.3l-1.1 1.1M12.4 12.4l-1.1-1.1M4.7 4.7L3.6 3.6" />
  </LineIcon>
);

/** An empty conversation. */
export function ChatIcon({ className }: Pick<IconProps, 'className'>) {
  return (
    <svg className={className} viewBox="0 0 40 40" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" {...hidden}>
      <path d="M20 6C12 6 6 11.6 6 18.6c0 3.6 1.6 6.9 4.3 9.2L9 34l6.2-3.1c1.5.4 3.1.7 4.8.7 8 0 14-5.7 14-12.9S28 6 20 6z" />
      <path d="M14 16.5h12M14 21.5h8" strokeLinecap="round" />
    </svg>
  );
}

/** A field's error: an exclamation mark in a disc of the text's colour. */
export function ErrorIcon({ className }: Pick<IconProps, 'className'>) {
  return (
    <svg className={className} viewBox="0 0 16 16" width="16" height="16" {...hidden}>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <rect x="7.1" y="3.8" width="1.8" height="5.2" rx="0.9" fill="#fff" />
      <circle cx="8" cy="11.4" r="1.05" fill="#fff" />
    </svg>
  );
}

/** WhatsApp's mark, in the text's colour. */
export function WhatsAppMark({ className }: Pick<IconProps, 'className'>) {
  return (
    <svg className={className} viewBox="0 0 24 24" width="22" height="22" {...hidden}>
      <circle cx="12" cy="12" r="12" fill="currentColor" />
      <path d="M12 5.6a6.3 6.3 0 0 0-5.4 9.6l-.8 2.9 3-.8A6.3 6.3 0 1 0 12 5.6z" fill="none" stroke="#fff" strokeWidth="1.3" strokeLinejoin="round" />
      <path
        d="M9.8 9.2c.2-.4.4-.4.6-.4h.4c.1 0 .3 0 .4.3l.5 1.2c0 .1.1.3 0 .4l-.3.4c-.1.1-.2.3-.1.4.2.4.5.8.9 1.2.5.4 1 .6 1.2.7.1.1.3 0 .4-.1l.4-.5c.1-.2.3-.2.4-.1l1.2.6c.2.1.3.1.3.2 0 .2 0 .7-.3 1-.3.4-.9.6-1.3.6-.5 0-1.1-.2-2-.7a7 7 0 0 1-2.3-2.3c-.5-.8-.6-1.4-.6-1.8 0-.4.2-.8.3-1z"
        fill="#fff"
      />
    </svg>
  );
}

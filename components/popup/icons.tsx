/** The popup's line icons: decorative, so hidden from assistive technology; the text beside them says it. */
import type { ReactNode } from 'react';

function Icon({ size = 16, children }: { size?: number; children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const SearchIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5L14 14" />
  </Icon>
);

export const ClearIcon = () => (
  <Icon size={14}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Icon>
);

export const CheckIcon = () => (
  <Icon size={12}>
    <path d="M3 8.5l3.2 3L13 4.5" strokeWidth="2.2" />
  </Icon>
);

export const BackIcon = () => (
  <Icon>
    <path d="M10 3.5L5.5 8l4.5 4.5" />
  </Icon>
);

export const SyncIcon = () => (
  <Icon size={15}>
    <path d="M13.5 7A5.5 5.5 0 0 0 3.4 4.6M2.5 9a5.5 5.5 0 0 0 10.1 2.4" />
    <path d="M3 1.8v3h3M13 14.2v-3h-3" />
  </Icon>
);

export const CopyIcon = () => (
  <Icon>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 5.5V4a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 4v5A1.5 1.5 0 0 0 4 10.5h1.5" />
  </Icon>
);

export const InsertIcon = () => (
  <Icon>
    <path d="M2.5 8h8M7.5 4.5L11 8l-3.5 3.5M13.5 2.5v11" />
  </Icon>
);

export const ReplyIcon = () => (
  <Icon size={14}>
    <path d="M6 4L2.5 7.5 6 11M2.5 7.5H10a3.5 3.5 0 0 1 3.5 3.5v1" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon size={14}>
    <path d="M9 2.5h4.5V7M13.5 2.5L7.5 8.5M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3" />
  </Icon>
);

export const PhoneIcon = () => (
  <Icon size={14}>
    <path d="M5.6 2.5H3.8a1.3 1.3 0 0 0-1.3 1.4 10.5 10.5 0 0 0 9.6 9.6 1.3 1.3 0 0 0 1.4-1.3v-1.8l-2.7-1.1-1.4 1.4a7 7 0 0 1-3.1-3.1l1.4-1.4z" />
  </Icon>
);

export const MediaIcon = () => (
  <Icon size={14}>
    <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
    <circle cx="6" cy="6.5" r="1.2" />
    <path d="M13.5 10.5L10.5 7.5 4 13" />
  </Icon>
);

export const ListIcon = () => (
  <Icon size={14}>
    <path d="M5.5 4.5h8M5.5 8h8M5.5 11.5h8M2.5 4.5h.01M2.5 8h.01M2.5 11.5h.01" strokeWidth="1.8" />
  </Icon>
);

export const ConnectIcon = () => (
  <Icon size={28}>
    <path d="M6.7 8.7a3.3 3.3 0 0 0 5 .4l2-2A3.3 3.3 0 0 0 9 2.4L7.9 3.5" strokeWidth="1.3" />
    <path d="M9.3 7.3a3.3 3.3 0 0 0-5-.4l-2 2A3.3 3.3 0 0 0 7 13.6l1.1-1.1" strokeWidth="1.3" />
  </Icon>
);

export const CodeIcon = () => (
  <Icon size={14}>
    <path d="M5.5 4.5L2 8l3.5 3.5M10.5 4.5L14 8l-3.5 3.5" />
  </Icon>
);

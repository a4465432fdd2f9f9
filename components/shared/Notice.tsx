import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'success' | 'error' | 'info';
  title: ReactNode;
  children?: ReactNode;
  /** Set only when the notice itself is the live region; otherwise place it inside one. */
  role?: 'alert' | 'status';
}

export function Notice({ tone, title, children, role }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={role}>
      <NoticeIcon tone={tone} />
      <div className="notice__body">
        <p className="notice__title">{title}</p>
        {children}
      </div>
    </div>
  );
}

/** A failure the user should hear about at once: announced as soon as it appears. */
export function ErrorNotice({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Notice tone="error" title={title} role="alert">
      {children}
    </Notice>
  );
}

function NoticeIcon({ tone }: { tone: NoticeProps['tone'] }) {
  return (
    <svg className="notice__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" fill="currentColor" />
      {tone === 'success' && (
        <path d="M6 10.4l2.6 2.6L14.2 7.4" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      )}
      {tone === 'error' && (
        <>
          <rect x="9" y="4.8" width="2" height="6.6" rx="1" fill="#fff" />
          <circle cx="10" cy="14.2" r="1.2" fill="#fff" />
        </>
      )}
      {tone === 'info' && (
        <>
          <circle cx="10" cy="5.9" r="1.2" fill="#fff" />
          <rect x="9" y="8.6" width="2" height="6.6" rx="1" fill="#fff" />
        </>
      )}
    </svg>
  );
}

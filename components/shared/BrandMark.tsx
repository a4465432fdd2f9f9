/** Dealchat's mark: a chat bubble in the accent colour. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path
        d="M16 7.5c-4.8 0-8.5 3.4-8.5 7.7 0 2.2 1 4.2 2.6 5.6l-.7 3.7 3.7-1.9c.9.3 1.9.4 2.9.4 4.8 0 8.5-3.4 8.5-7.8S20.8 7.5 16 7.5z"
        fill="#fff"
      />
      <circle cx="12.3" cy="15.3" r="1.3" fill="currentColor" />
      <circle cx="16" cy="15.3" r="1.3" fill="currentColor" />
      <circle cx="19.7" cy="15.3" r="1.3" fill="currentColor" />
    </svg>
  );
}

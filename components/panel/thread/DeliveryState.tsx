import type { MessageState } from '@/utils/messaging/views';

const LABELS: Record<Exclude<MessageState, 'received'>, string> = {
  pending: 'Sending',
  queued: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered',
};

/** WhatsApp's familiar ticks, with the state in words for screen readers and on hover. */
export function DeliveryState({ state }: { state: MessageState }) {
  if (state === 'received') return null;
  const label = LABELS[state];
  return (
    <span className={`dc-state dc-state--${state}`} title={label}>
      <StateIcon state={state} />
      <span className="dc-visually-hidden">{label}</span>
    </span>
  );
}

function StateIcon({ state }: { state: Exclude<MessageState, 'received'> }) {
  const common = { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': true, focusable: false } as const;
  const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;
  switch (state) {
    case 'pending':
    case 'queued':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="5.5" {...stroke} />
          <path d="M8 5v3l2 1.5" {...stroke} />
        </svg>
      );
    case 'sent':
      return (
        <svg {...common}>
          <path d="M3.5 8.5l3 3 6-7" {...stroke} />
        </svg>
      );
    case 'delivered':
    case 'read':
      return (
        <svg {...common}>
          <path d="M1.5 8.5l3 3 6-7M7.5 11l.5.5 6-7" {...stroke} />
        </svg>
      );
    case 'failed':
      return (
        <svg {...common}>
          <path d="M8 2l6.5 11.5h-13z" fill="currentColor" />
          <path d="M8 6.5v3" stroke="#fff" strokeWidth="1.5" strokeLinecap="round" />
          <circle cx="8" cy="11.6" r="0.9" fill="#fff" />
        </svg>
      );
  }
}

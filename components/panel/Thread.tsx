import { useMemo, useRef } from 'react';
import type { MessageView } from '@/utils/messaging/views';
import { DaySeparator, startOfDay } from './DaySeparator';
import { MessageBubble } from './MessageBubble';
import type { LoadMedia } from './MessageMedia';
import { useStickToBottom } from './useStickToBottom';

interface ThreadProps {
  messages: MessageView[];
  contactName: string;
  now: number;
  locale: string | undefined;
  onRetry: (outboxId: string) => Promise<void>;
  loadMedia: LoadMedia;
}

interface Day {
  start: Date;
  messages: MessageView[];
}

/** The conversation, oldest first, grouped by the rep's calendar day. */
export function Thread({ messages, contactName, now, locale, onRetry, loadMedia }: ThreadProps) {
  const ref = useRef<HTMLDivElement>(null);
  const days = useMemo(() => groupByDay(messages), [messages]);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }), [locale]);
  const onScroll = useStickToBottom(ref, messages);

  return (
    // Focusable so keyboard users can scroll it.
    <div ref={ref} className="dc-thread" role="log" aria-live="polite" aria-label="Conversation" tabIndex={0} onScroll={onScroll}>
      {days.length === 0 ? (
        <div className="dc-thread__empty">
          <ChatIcon />
          <p className="dc-thread__empty-title">No messages with {contactName} yet</p>
          <p className="dc-thread__empty-text">Messages you send and their replies will show up here.</p>
        </div>
      ) : (
        days.map((day) => (
          <div key={day.start.getTime()}>
            <DaySeparator day={day.start} now={now} locale={locale} />
            {day.messages.map((message) => (
              <MessageBubble
                key={message.id}
                message={message}
                contactName={contactName}
                timeFormat={timeFormat}
                onRetry={onRetry}
                loadMedia={loadMedia}
              />
            ))}
          </div>
        ))
      )}
    </div>
  );
}

function groupByDay(messages: MessageView[]): Day[] {
  const days: Day[] = [];
  for (const message of [...messages].sort((a, b) => a.at - b.at)) {
    const start = startOfDay(new Date(message.at));
    const last = days.at(-1);
    if (last?.start.getTime() === start.getTime()) last.messages.push(message);
    else days.push({ start, messages: [message] });
  }
  return days;
}

function ChatIcon() {
  return (
    <svg className="dc-thread__empty-icon" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <path
        d="M20 6C12 6 6 11.6 6 18.6c0 3.6 1.6 6.9 4.3 9.2L9 34l6.2-3.1c1.5.4 3.1.7 4.8.7 8 0 14-5.7 14-12.9S28 6 20 6z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M14 16.5h12M14 21.5h8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

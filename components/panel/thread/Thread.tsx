import { useMemo, useRef } from 'react';
import { ChatIcon } from '@/components/shared/icons';
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
          <ChatIcon className="dc-thread__empty-icon" />
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

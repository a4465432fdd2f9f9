import type { MessageView } from '@/utils/messaging/views';
import { DeliveryState } from './DeliveryState';
import { FormattedText } from './FormattedText';
import { MessageAttachments } from './MessageAttachments';
import { MessageFailure } from './MessageFailure';
import type { LoadMedia } from './MessageMedia';

interface MessageBubbleProps {
  message: MessageView;
  /** Who "they" are, for screen readers that cannot see left and right. */
  contactName: string;
  timeFormat: Intl.DateTimeFormat;
  onRetry: (outboxId: string) => Promise<void>;
  loadMedia: LoadMedia;
}

export function MessageBubble({ message, contactName, timeFormat, onRetry, loadMedia }: MessageBubbleProps) {
  const failed = message.state === 'failed';
  return (
    <div className={`dc-message dc-message--${message.direction}${failed ? ' dc-message--failed' : ''}`}>
      <div className="dc-bubble">
        <span className="dc-visually-hidden">{message.direction === 'outbound' ? 'You:' : `${contactName}:`}</span>
        {message.templateName !== null && <span className="dc-tag">Template: {message.templateName}</span>}
        {message.body !== '' && (
          // Its own direction, isolated: a right-to-left body or a bidi override cannot reorder the time or ticks.
          <p className="dc-bubble__body" dir="auto">
            <FormattedText text={message.body} />
          </p>
        )}
        <MessageAttachments message={message} loadMedia={loadMedia} />
        <span className="dc-bubble__meta">
          <time dateTime={new Date(message.at).toISOString()}>{timeFormat.format(message.at)}</time>
          {message.direction === 'outbound' && <DeliveryState state={message.state} />}
        </span>
      </div>
      {failed && <MessageFailure message={message} onRetry={onRetry} />}
    </div>
  );
}

import { PaperclipIcon } from '@/components/shared/icons';
import type { MessageView } from '@/utils/messaging/views';
import { safeHref } from '@/utils/whatsapp/formatting';
import { MessageMedia, type LoadMedia } from './MessageMedia';

interface MessageAttachmentsProps {
  message: MessageView;
  loadMedia: LoadMedia;
}

/** Files on the message at Twilio, and links the rep attached when sending. */
export function MessageAttachments({ message, loadMedia }: MessageAttachmentsProps) {
  const links = message.mediaUrls.flatMap((url) => {
    const href = safeHref(url);
    return href ? [href] : [];
  });
  return (
    <>
      {message.mediaCount > 0 && message.sid !== null && (
        <MessageMedia messageSid={message.sid} count={message.mediaCount} loadMedia={loadMedia} />
      )}
      {links.length > 0 && (
        <ul className="dc-attachments">
          {links.map((href) => (
            <li key={href} className="dc-attachment">
              <PaperclipIcon />
              <a className="dc-link" href={href} target="_blank" rel="noopener noreferrer">
                {new URL(href).hostname}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

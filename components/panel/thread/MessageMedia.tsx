import { useState } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import { PaperclipIcon } from '@/components/shared/icons';
import type { MediaItem } from '@/utils/messaging/views';

export type LoadMedia = (messageSid: string) => Promise<MediaItem[]>;

// Only raster formats go into <img>: the contact chose the file, and its content type with it.
const SHOWN_INLINE = /^data:image\/(?:png|jpeg|gif|webp);base64,/u;

type MediaState = { status: 'idle' | 'loading' } | { status: 'failed'; message: string } | { status: 'loaded'; items: MediaItem[] };

/**
 * A message's files, fetched only when the rep asks: they come through the background as data
 * URLs, up to megabytes each.
 */
export function MessageMedia({ messageSid, count, loadMedia }: { messageSid: string; count: number; loadMedia: LoadMedia }) {
  const [media, setMedia] = useState<MediaState>({ status: 'idle' });

  const load = async () => {
    setMedia({ status: 'loading' });
    try {
      setMedia({ status: 'loaded', items: await loadMedia(messageSid) });
    } catch (error) {
      setMedia({ status: 'failed', message: backgroundErrorMessage(error, 'The attachment could not be loaded.') });
    }
  };

  if (media.status === 'loaded') {
    return (
      <ul className="dc-attachments">
        {media.items.map((item) => (
          <li key={item.sid} className="dc-attachment">
            <MediaItemView item={item} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="dc-attachments">
      <button
        type="button"
        className="dc-attachment dc-attachment--button"
        disabled={media.status === 'loading'}
        aria-busy={media.status === 'loading' || undefined}
        onClick={() => void load()}
      >
        <PaperclipIcon />
        {media.status === 'loading' ? 'Loading…' : count === 1 ? 'Show attachment' : `Show ${count} attachments`}
      </button>
      {media.status === 'failed' && (
        <p className="dc-field-error" role="alert">
          {media.message}
        </p>
      )}
    </div>
  );
}

function MediaItemView({ item }: { item: MediaItem }) {
  const kind = mediaKind(item.contentType);
  if (item.dataUrl === null) return <span className="dc-muted">{kind} too large to show here</span>;
  if (SHOWN_INLINE.test(item.dataUrl)) return <img className="dc-media-image" src={item.dataUrl} alt={kind} />;
  return (
    <a className="dc-link" href={item.dataUrl} download={`${kind.toLowerCase()}-${item.sid}`}>
      <PaperclipIcon />
      Download {kind.toLowerCase()}
    </a>
  );
}

function mediaKind(contentType: string): string {
  const [kind] = contentType.split('/');
  if (kind === 'image') return 'Photo';
  if (kind === 'video') return 'Video';
  if (kind === 'audio') return 'Audio';
  if (contentType === 'text/vcard') return 'Contact card';
  return 'Document';
}

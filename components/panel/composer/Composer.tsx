import { useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import { BusyButton } from '@/components/shared/BusyButton';
import { PaperclipIcon, TemplateIcon } from '@/components/shared/icons';
import { MAX_BODY_LENGTH } from '@/utils/messaging/constants';
import { CharacterCounter } from './CharacterCounter';
import { MediaLinkField, mediaLinkError } from './MediaLinkField';

interface ComposerProps {
  windowOpen: boolean;
  /** The contact has never written, so there is no "again" to wait for. */
  neverOpened: boolean;
  contactName: string;
  onSend: (body: string, mediaUrls: string[]) => Promise<void>;
  onOpenTemplates: () => void;
  templatesButtonRef: Ref<HTMLButtonElement>;
}

export function Composer({ windowOpen, neverOpened, contactName, onSend, onOpenTemplates, templatesButtonRef }: ComposerProps) {
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [mediaOpen, setMediaOpen] = useState(false);
  const [mediaUrl, setMediaUrl] = useState('');
  const [mediaError, setMediaError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);

  const body = text.trim();
  const overBy = body.length - MAX_BODY_LENGTH;
  const canSend = windowOpen && !sending && overBy <= 0 && (body !== '' || mediaUrl.trim() !== '');

  const send = async () => {
    const linkError = mediaLinkError(mediaUrl);
    setMediaError(linkError);
    if (!canSend || linkError) return;
    setSending(true);
    setSendError(null);
    try {
      await onSend(body, mediaUrl.trim() === '' ? [] : [mediaUrl.trim()]);
      setText('');
      setMediaUrl('');
      setMediaOpen(false);
      textRef.current?.focus();
    } catch (error) {
      // The draft stays, so nothing the rep wrote is lost.
      setSendError(backgroundErrorMessage(error, 'The message could not be sent. Check your connection and try again.'));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter that confirms an input method's composition (Japanese, Chinese…) is not a send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  const toggleMedia = () => {
    setMediaOpen((open) => !open);
    setMediaUrl('');
    setMediaError(null);
  };

  const showCount = windowOpen && body.length > 0;
  const describedBy = [windowOpen ? null : `${id}-closed`, showCount ? `${id}-count` : null, overBy > 0 ? `${id}-over` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <form
      className={`dc-composer${windowOpen ? '' : ' dc-composer--closed'}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {!windowOpen && (
        <p id={`${id}-closed`} className="dc-composer__closed">
          {neverOpened
            ? `Free-form messages open once ${contactName} writes to you. Start with an approved template.`
            : `Free-form messages are off until ${contactName} writes again. Send an approved template instead.`}
        </p>
      )}
      <label className="dc-visually-hidden" htmlFor={`${id}-text`}>
        Message
      </label>
      <textarea
        ref={textRef}
        id={`${id}-text`}
        className="dc-composer__text"
        rows={windowOpen ? 3 : 1}
        placeholder={windowOpen ? 'Write a WhatsApp message…' : 'Replies are paused'}
        value={text}
        disabled={!windowOpen}
        readOnly={sending}
        aria-describedby={describedBy}
        aria-invalid={overBy > 0 || undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {mediaOpen && windowOpen && (
        <MediaLinkField
          value={mediaUrl}
          error={mediaError}
          disabled={sending}
          onChange={(value) => {
            setMediaUrl(value);
            setMediaError(null);
          }}
          onBlur={() => setMediaError(mediaLinkError(mediaUrl))}
        />
      )}
      {overBy > 0 && (
        <p id={`${id}-over`} className="dc-field-error" role="alert">
          Too long by {overBy} {overBy === 1 ? 'character' : 'characters'}. WhatsApp messages can have at most{' '}
          {MAX_BODY_LENGTH}.
        </p>
      )}
      {sendError && (
        <p className="dc-send-error" role="alert">
          {sendError}
        </p>
      )}
      <div className="dc-composer__bar">
        <button
          ref={templatesButtonRef}
          type="button"
          className={`dc-button ${windowOpen ? 'dc-button--ghost' : 'dc-button--primary'}`}
          onClick={onOpenTemplates}
        >
          <TemplateIcon />
          Templates
        </button>
        {windowOpen && (
          <button
            type="button"
            className="dc-icon-button"
            aria-label="Add a media link"
            aria-expanded={mediaOpen}
            title="Add a media link"
            onClick={toggleMedia}
          >
            <PaperclipIcon size={18} />
          </button>
        )}
        <span className="dc-composer__spacer" />
        {/* Hidden until there is something to count: the bar stays on one line in narrow columns. */}
        {showCount && <CharacterCounter id={`${id}-count`} length={body.length} />}
        <BusyButton type="submit" busy={sending} busyLabel="Sending…" className="dc-button dc-button--primary" disabled={!canSend}>
          Send
        </BusyButton>
      </div>
    </form>
  );
}

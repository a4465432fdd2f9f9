import { useState } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import type { MessageView } from '@/utils/messaging/views';

interface MessageFailureProps {
  message: MessageView;
  onRetry: (outboxId: string) => Promise<void>;
}

/** Why a message did not arrive and what the rep can do, with a retry when the send was ours. */
export function MessageFailure({ message, onRetry }: MessageFailureProps) {
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const { error, outboxId } = message;

  const retry = async (id: string) => {
    setRetrying(true);
    setRetryError(null);
    try {
      await onRetry(id);
    } catch (caught) {
      setRetryError(backgroundErrorMessage(caught, 'The message could not be sent again. Try once more in a moment.'));
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div className="dc-failure">
      <p className="dc-failure__summary">{error?.summary ?? 'This message was not delivered.'}</p>
      {error?.action && <p className="dc-failure__action">{error.action}</p>}
      {message.retryable && outboxId !== null && (
        <button
          type="button"
          className="dc-button dc-button--small dc-button--secondary"
          disabled={retrying}
          aria-busy={retrying || undefined}
          onClick={() => void retry(outboxId)}
        >
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
      {retryError && (
        <p className="dc-failure__retry-error" role="alert">
          {retryError}
        </p>
      )}
    </div>
  );
}

import { useEffect, useId, useState } from 'react';
import { BusyButton } from '@/components/shared/BusyButton';
import { CheckIcon, CopyIcon, InsertIcon } from '@/components/shared/icons';
import type { TemplateView } from '@/utils/messaging/views';
import { STATUS_EXPLANATIONS, templateFacts } from '@/utils/templates/labels';
import { richParts } from '@/utils/templates/parts';
import { isSendable, templateStatus } from '@/utils/templates/status';
import { RichParts } from './RichParts';
import { StatusBadge } from './StatusBadge';
import { TemplateText } from './TemplateText';

const COPIED_FOR_MS = 2_500;

interface TemplateDetailProps {
  template: TemplateView;
  /** Opens the template in the deal panel of the current tab; null when that tab has none. */
  insert: ((contentSid: string) => Promise<boolean>) | null;
}

/** One template in full: its status, the message as the contact reads it, and what can be done with it. */
export function TemplateDetail({ template, insert }: TemplateDetailProps) {
  const headingId = useId();
  const status = templateStatus(template.approvalStatus);
  const parts = richParts(template.details);
  return (
    <section className="detail" aria-labelledby={headingId}>
      <div className="detail__scroll">
        <h2 id={headingId} className="detail__name">
          {template.friendlyName}
        </h2>
        <p className="detail__facts">
          <StatusBadge status={template.approvalStatus} />
          <span>{templateFacts(template).join(' · ')}</span>
        </p>
        {status !== 'approved' && (
          <div className={status === 'rejected' ? 'explain explain--rejected' : 'explain'}>
            <p>{STATUS_EXPLANATIONS[status]}</p>
            {status === 'rejected' && template.rejectionReason !== null && (
              <p className="explain__reason">
                <strong>Reason:</strong> {template.rejectionReason}
              </p>
            )}
          </div>
        )}
        <figure className="preview">
          <figcaption className="part__heading">Message</figcaption>
          <div className="bubble">
            {template.body === '' ? (
              <p className="bubble__empty">This template has no text to preview.</p>
            ) : (
              <p className="bubble__body" dir="auto">
                <TemplateText text={template.body} />
              </p>
            )}
          </div>
        </figure>
        <RichParts parts={parts} />
      </div>
      <DetailActions template={template} insert={insert} />
    </section>
  );
}

function DetailActions({ template, insert }: Pick<TemplateDetailProps, 'template' | 'insert'>) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [inserting, setInserting] = useState(false);
  const [insertFailed, setInsertFailed] = useState(false);

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyBody = async () => {
    try {
      await navigator.clipboard.writeText(template.body);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const openInPanel = async (open: (contentSid: string) => Promise<boolean>) => {
    setInserting(true);
    setInsertFailed(false);
    const opened = await open(template.sid);
    setInserting(false);
    setInsertFailed(!opened);
  };

  return (
    <div className="detail__actions">
      <div className="detail__buttons">
        <button
          type="button"
          className={copy === 'copied' ? 'button button--secondary copy copy--done' : 'button button--secondary copy'}
          disabled={template.body === ''}
          onClick={() => void copyBody()}
        >
          {copy === 'copied' ? <CheckIcon /> : <CopyIcon />}
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
        {insert !== null && isSendable(template) && (
          <BusyButton
            type="button"
            className="button--primary"
            busy={inserting}
            busyLabel="Opening…"
            onClick={() => void openInPanel(insert)}
          >
            <InsertIcon />
            Insert into panel
          </BusyButton>
        )}
        {insert !== null && !isSendable(template) && (
          <p className="detail__hint">Only approved templates can be sent from the deal panel.</p>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {copy === 'copied' ? 'Copied to the clipboard.' : ''}
      </p>
      <div role="alert">
        {copy === 'failed' && <p className="detail__error">The text could not be copied. Select it in the preview and copy it instead.</p>}
        {insertFailed && (
          <p className="detail__error">The deal panel did not open the template. Reload the deal page and try again.</p>
        )}
      </div>
    </div>
  );
}

import { Fragment } from 'react';
import { templateSegments } from '@/utils/whatsapp/template-variables';

/** Template text with its `{{placeholders}}` marked, so the parts filled in per contact stand out. */
export function TemplateText({ text }: { text: string }) {
  return templateSegments(text).map((segment, index) =>
    'text' in segment ? (
      <Fragment key={index}>{segment.text}</Fragment>
    ) : (
      <mark key={index} className="variable">{`{{${segment.variable}}}`}</mark>
    ),
  );
}

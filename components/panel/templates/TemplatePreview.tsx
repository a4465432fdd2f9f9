import type { ReactNode } from 'react';
import { FormattedText } from '@/components/panel/thread/FormattedText';
import type { TemplateView } from '@/utils/messaging/views';
import { templateSegments } from '@/utils/whatsapp/template-variables';

/** Private-use characters stand in for placeholders while the text is formatted, so `*{{1}}*` still reads as bold. */
const FIRST_STAND_IN = 0xe000;
const STAND_IN = /([\ue000-\uf8ff])/u;

interface TemplatePreviewProps {
  template: TemplateView;
  values: Record<string, string>;
}

/** The message as the contact will read it, with the filled-in parts marked. */
export function TemplatePreview({ template, values }: TemplatePreviewProps) {
  const { body } = template;
  const buttons = buttonTitles(template.details);
  const variables: string[] = [];
  const masked = templateSegments(body)
    .map((segment) => {
      if ('text' in segment) return segment.text;
      variables.push(segment.variable);
      return String.fromCharCode(FIRST_STAND_IN + variables.length - 1);
    })
    .join('');

  const renderText = (text: string): ReactNode =>
    text.split(STAND_IN).map((part, index) => {
      if (index % 2 === 0) return part;
      const variable = variables[part.charCodeAt(0) - FIRST_STAND_IN] ?? '';
      const value = values[variable]?.trim() ?? '';
      return value === '' ? (
        <mark key={index} className="dc-fill dc-fill--empty">{`{{${variable}}}`}</mark>
      ) : (
        <mark key={index} className="dc-fill">
          {value}
        </mark>
      );
    });

  return (
    <figure className="dc-preview">
      <figcaption className="dc-label">Preview</figcaption>
      <div className="dc-preview__bubble">
        {body === '' ? (
          <p className="dc-preview__none">This template has no text to preview.</p>
        ) : (
          <p className="dc-bubble__body" dir="auto">
            <FormattedText text={masked} renderText={renderText} linkify={false} />
          </p>
        )}
        {buttons.length > 0 && (
          <ul className="dc-preview__buttons" aria-label="Buttons in the message">
            {buttons.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        )}
      </div>
    </figure>
  );
}

// Quick replies and calls to action keep their buttons under `actions`, each with a `title`.
function buttonTitles(details: Record<string, unknown>): string[] {
  for (const content of Object.values(details)) {
    const actions = typeof content === 'object' && content !== null && 'actions' in content ? content.actions : null;
    if (!Array.isArray(actions)) continue;
    const titles = actions.flatMap((action: unknown) =>
      typeof action === 'object' && action !== null && 'title' in action && typeof action.title === 'string' ? [action.title] : [],
    );
    if (titles.length > 0) return titles;
  }
  return [];
}

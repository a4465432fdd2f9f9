import { useId, type ReactNode } from 'react';
import { CodeIcon, LinkIcon, ListIcon, MediaIcon, PhoneIcon, ReplyIcon } from '@/components/shared/icons';
import type { ButtonKind, RichPart } from '@/utils/templates/parts';
import { TemplateText } from './TemplateText';

const BUTTON_KINDS: Record<ButtonKind, { icon: ReactNode; what: string }> = {
  reply: { icon: <ReplyIcon />, what: 'Quick reply' },
  url: { icon: <LinkIcon />, what: 'Opens a link' },
  phone: { icon: <PhoneIcon />, what: 'Calls' },
  code: { icon: <CodeIcon />, what: 'Copies a code' },
  other: { icon: <ReplyIcon />, what: 'Button' },
};

/** A template's buttons, list items and media, each under a heading that says what they are. */
export function RichParts({ parts }: { parts: RichPart[] }) {
  return parts.map((part, index) => <Part key={index} part={part} />);
}

function Part({ part }: { part: RichPart }) {
  switch (part.kind) {
    case 'media':
      return (
        <PartSection title="Media">
          {part.urls.map((url) => (
            <li key={url} className="part__item">
              <MediaIcon />
              <span className="part__target part__target--wide">
                <TemplateText text={url} />
              </span>
            </li>
          ))}
        </PartSection>
      );
    case 'buttons':
      return (
        <PartSection title={part.quickReplies ? 'Quick replies' : 'Buttons'}>
          {part.buttons.map((button, index) => (
            <li key={index} className="part__item">
              {BUTTON_KINDS[button.kind].icon}
              <span className="part__title">
                <span className="visually-hidden">{BUTTON_KINDS[button.kind].what}: </span>
                {button.title}
              </span>
              {button.target !== null && (
                <span className="part__target">
                  <TemplateText text={button.target} />
                </span>
              )}
            </li>
          ))}
        </PartSection>
      );
    case 'list':
      return (
        <PartSection title={part.button === null ? 'List items' : `List items, opened with “${part.button}”`}>
          {part.items.map((item, index) => (
            <li key={index} className="part__item">
              <ListIcon />
              <span className="part__title">{item.title}</span>
              {item.description !== null && <span className="part__target">{item.description}</span>}
            </li>
          ))}
        </PartSection>
      );
  }
}

function PartSection({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="part">
      <h3 id={titleId} className="part__heading">
        {title}
      </h3>
      <ul className="part__list" aria-labelledby={titleId}>
        {children}
      </ul>
    </section>
  );
}


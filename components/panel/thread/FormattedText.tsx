import { Fragment, type ReactNode } from 'react';
import { parseFormatting, type FormattedNode } from '@/utils/whatsapp/formatting';

interface FormattedTextProps {
  text: string;
  /** Renders each run of plain text; previews use it to mark where variables go. */
  renderText?: (text: string) => ReactNode;
  /** Off in previews, where an address may still contain an unfilled placeholder. */
  linkify?: boolean;
}

/** A message body with WhatsApp's formatting, built from text nodes only: markup in it stays visible text. */
export function FormattedText({ text, renderText = (plain) => plain, linkify = true }: FormattedTextProps) {
  return <>{renderNodes(parseFormatting(text), { renderText, linkify })}</>;
}

interface RenderOptions {
  renderText: (text: string) => ReactNode;
  linkify: boolean;
}

function renderNodes(nodes: FormattedNode[], options: RenderOptions): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{options.renderText(node.text)}</Fragment>;
      case 'link':
        if (!options.linkify) return <Fragment key={index}>{options.renderText(node.text)}</Fragment>;
        return (
          // Left to right and isolated: a bidi override earlier in the body (U+202E) would otherwise
          // show "https://evil.example/moc.lapyap" as "paypal.com/elpmaxe.live//:sptth".
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer" className="dc-link" dir="ltr">
            {node.text}
          </a>
        );
      case 'mono':
        return (
          <code key={index} className="dc-mono">
            {options.renderText(node.text)}
          </code>
        );
      case 'bold':
        return <strong key={index}>{renderNodes(node.children, options)}</strong>;
      case 'italic':
        return <em key={index}>{renderNodes(node.children, options)}</em>;
      case 'strike':
        return <s key={index}>{renderNodes(node.children, options)}</s>;
    }
  });
}

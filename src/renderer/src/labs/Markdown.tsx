import { useMemo } from 'react';
import { renderMarkdown, renderMarkdownInline } from './markdown';

interface MarkdownProps {
  readonly text: string;
  /** A sentence inside a line (a goal), not blocks. */
  readonly inline?: boolean;
  readonly className?: string;
}

/** Lab text rendered as Markdown with formulas; see markdown.ts for why this is safe. */
export function Markdown({ text, inline = false, className }: MarkdownProps) {
  const html = useMemo(
    () => (inline ? renderMarkdownInline(text) : renderMarkdown(text)),
    [inline, text],
  );
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag
      className={`markdown${className ? ` ${className}` : ''}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

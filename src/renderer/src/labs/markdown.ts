import MarkdownIt from 'markdown-it';
import { mathPlugin } from './math-plugin';

/**
 * Lab text (instructions, hints, goals) as HTML. A lab file can come from anywhere, so raw
 * HTML in it is shown as text (`html: false`) and markdown-it refuses javascript: links; what
 * reaches the page is only markdown-it's and Temml's own markup.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true }).use(mathPlugin);

// A link in a lab opens beside Neurite, never in place of the page the student is working in.
const defaultLinkOpen = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]!.attrSet('target', '_blank');
  tokens[index]!.attrSet('rel', 'noreferrer');
  return defaultLinkOpen
    ? defaultLinkOpen(tokens, index, options, env, self)
    : self.renderToken(tokens, index, options);
};

/** Blocks (paragraphs, lists, display formulas). */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

/** One line of text without a paragraph around it (a goal's sentence). */
export function renderMarkdownInline(text: string): string {
  return markdown.renderInline(text);
}

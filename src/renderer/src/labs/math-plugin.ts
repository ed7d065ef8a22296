import type { MarkdownIt, StateInline } from 'markdown-it';
import temml from 'temml';

/**
 * Formulas in lab text: $…$ inline and $$…$$ on their own, as the lab format documents.
 *
 * Temml rather than KaTeX: it writes MathML, which Chromium (the desktop app's and the
 * browser's) draws itself, so there are no web fonts or stylesheet to ship and the page's CSP
 * needs nothing new. Its output never carries HTML or links from the lab (`trust` stays off).
 */

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

/** Where the next unescaped `marker` starts at or after `from`, or -1. */
function findClosing(src: string, from: number, marker: string): number {
  let at = from;
  while (at < src.length) {
    const found = src.indexOf(marker, at);
    if (found === -1) return -1;
    if (src.charCodeAt(found - 1) !== BACKSLASH) return found;
    at = found + 1;
  }
  return -1;
}

function mathRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const open = display ? 2 : 1;
  const close = findClosing(src, pos + open, display ? '$$' : '$');
  if (close === -1) return false;
  const tex = src.slice(pos + open, close);
  // "$5 and $6" is money, not a formula: inline math hugs its dollars.
  if (tex.trim() === '' || (!display && (/^\s/.test(tex) || /\s$/.test(tex)))) return false;
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0);
    token.content = tex;
  }
  state.pos = close + open;
  return true;
}

function renderTex(tex: string, displayMode: boolean): string {
  // A mistake in a formula shows as the formula's source in red, not as a broken page.
  return temml.renderToString(tex, { displayMode, throwOnError: false });
}

export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('escape', 'math', mathRule);
  md.renderer.rules['math_inline'] = (tokens, index) => renderTex(tokens[index]!.content, false);
  // A long formula on its own line scrolls sideways in its own box rather than running past
  // the edge of a narrow card or panel (a span: the formula sits inside a paragraph).
  md.renderer.rules['math_display'] = (tokens, index) =>
    `<span class="math-display">${renderTex(tokens[index]!.content, true)}</span>`;
}

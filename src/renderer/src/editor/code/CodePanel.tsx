import './code-panel.css';
import type { KeyboardEvent } from 'react';
import { memo, useId, useMemo, useRef, useState } from 'react';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import { sameStructure } from '../model/analysis-memo';
import type { CodeLanguage } from './network-code';
import { CODE_LANGUAGES, networkCode } from './network-code';

interface CodePanelProps {
  readonly doc: GraphDocument;
  readonly analysis: GraphAnalysis;
}

/**
 * Below the canvas: the network as code, one tab per language, rewritten on every edit, with
 * a Copy button. The course's bridge from drawing a network to writing one. Folded away until
 * the student opens it, so the canvas keeps its room.
 */
export const CodePanel = memo(function CodePanel({ doc, analysis }: CodePanelProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<CodeLanguage>(CODE_LANGUAGES[0]!);
  const code = useMemo(
    () => (open ? networkCode(doc, analysis, language) : undefined),
    [open, doc, analysis, language],
  );
  const bodyId = `${id}-body`;

  return (
    <section className={`code-panel${open ? ' code-panel-open' : ''}`} aria-label="Code">
      <div className="code-panel-bar">
        <button
          type="button"
          className="code-panel-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Code
        </button>
        {open ? (
          <LanguageTabs id={id} chosen={language} onChoose={setLanguage} />
        ) : (
          <span className="code-panel-hint">
            This network as {CODE_LANGUAGES.map((l) => l.title).join(' and ')} code
          </span>
        )}
        {open && code?.ok && <CopyButton text={code.text} />}
      </div>
      {open && (
        <div
          id={bodyId}
          className="code-panel-body"
          role="tabpanel"
          aria-labelledby={`${id}-tab-${language.id}`}
        >
          <p className="code-panel-about">{language.about}</p>
          {code?.ok ? (
            // Focusable, so the code can be scrolled and selected with the keyboard.
            <pre
              className="code-panel-code"
              tabIndex={0}
              aria-label={`${language.title} code`}
              onKeyDown={keepKeysInCode}
            >
              <code>{code.text}</code>
            </pre>
          ) : (
            <p className="code-panel-problem" role="status">
              {code?.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}, sameCode);

/**
 * In the code, Ctrl+A (⌘A) selects the code and Delete does nothing, instead of selecting or
 * deleting the layers on the canvas, as the editor's shortcuts would.
 */
function keepKeysInCode(event: KeyboardEvent<HTMLPreElement>) {
  const selectAll = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a';
  if (!selectAll && event.key !== 'Delete' && event.key !== 'Backspace') return;
  event.stopPropagation();
  if (!selectAll) return;
  event.preventDefault();
  window.getSelection()?.selectAllChildren(event.currentTarget);
}

/** Only a change of layers, settings, labels or connections changes the code, not a move. */
function sameCode(a: CodePanelProps, b: CodePanelProps): boolean {
  return a.analysis === b.analysis && sameStructure(a.doc, b.doc);
}

/** One tab per language; the arrow keys move between them, as in every tab list. */
function LanguageTabs({
  id,
  chosen,
  onChoose,
}: {
  readonly id: string;
  readonly chosen: CodeLanguage;
  readonly onChoose: (language: CodeLanguage) => void;
}) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = CODE_LANGUAGES.indexOf(chosen);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const to =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? CODE_LANGUAGES.length - 1
          : step === undefined
            ? undefined
            : (at + step + CODE_LANGUAGES.length) % CODE_LANGUAGES.length;
    if (to === undefined) return;
    event.preventDefault();
    onChoose(CODE_LANGUAGES[to]!);
    tabs.current[to]?.focus();
  };
  return (
    <div className="code-panel-tabs" role="tablist" aria-label="Language" onKeyDown={onKeyDown}>
      {CODE_LANGUAGES.map((language, i) => (
        <button
          key={language.id}
          ref={(element) => {
            tabs.current[i] = element;
          }}
          type="button"
          role="tab"
          id={`${id}-tab-${language.id}`}
          className="code-panel-tab"
          aria-selected={language === chosen}
          aria-controls={`${id}-body`}
          tabIndex={language === chosen ? 0 : -1}
          onClick={() => onChoose(language)}
        >
          {language.title}
        </button>
      ))}
    </div>
  );
}

/** Puts the code on the clipboard and says so; "Copied" lasts until the code changes. */
function CopyButton({ text }: { readonly text: string }) {
  // The outcome of the last copy, for the text it copied: an edit makes the code new again.
  const [last, setLast] = useState<{ readonly text: string; readonly copied: boolean }>();
  const outcome = last?.text === text ? (last.copied ? 'copied' : 'failed') : 'idle';
  const copy = () => {
    const done = (copied: boolean) => () => setLast({ text, copied });
    if (!navigator.clipboard?.writeText) return done(false)();
    navigator.clipboard.writeText(text).then(done(true), done(false));
  };
  return (
    <span className="code-panel-copy">
      <button type="button" className="toolbar-button" onClick={copy}>
        {outcome === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span
        // "Copied" is said to screen readers only: the button itself shows it.
        className={outcome === 'failed' ? 'code-panel-copy-failed' : 'visually-hidden'}
        role="status"
      >
        {outcome === 'copied' && 'Copied the code to the clipboard.'}
        {outcome === 'failed' &&
          'Copying was not allowed here. Select the code and press Ctrl+C (⌘C on a Mac).'}
      </span>
    </span>
  );
}

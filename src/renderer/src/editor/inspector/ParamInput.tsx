import type { ReactNode } from 'react';
import { useContext, useId } from 'react';
import type { BooleanField, ChoiceField, ParamField, TextField, VariantField } from '../model';
import { describeRange, formatFieldValue, humanize, readFieldText } from '../model';
import { RefusalContext } from './refusal';
import { useDraft } from './use-draft';

/**
 * Tries a parameter value: undefined when the schema accepts it, else the sentence saying why
 * not. `apply` writes it to the document (through the history) and reports the same way.
 */
export interface ParamEditor {
  readonly check: (key: string, value: unknown) => string | undefined;
  readonly apply: (key: string, value: unknown) => string | undefined;
}

interface ParamInputProps {
  readonly field: ParamField;
  readonly value: unknown;
  readonly editor: ParamEditor;
  /** A problem the analysis found with this parameter's current value (e.g. a window too large). */
  readonly issue?: string | undefined;
}

/** One parameter: its input, title, explanation, default and what is wrong with it. */
export function ParamInput(props: ParamInputProps) {
  const { field } = props;
  switch (field.type) {
    case 'number':
    case 'sizes':
    case 'json':
      return <TextParam {...props} field={field} />;
    case 'choice':
      return <ChoiceParam {...props} field={field} />;
    case 'boolean':
      return <BooleanParam {...props} field={field} />;
    case 'variant':
      return <VariantParam {...props} field={field} />;
  }
}

function defaultText(field: ParamField): string | undefined {
  const value = field.defaultValue;
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? String(value) : undefined;
    case 'sizes':
      return value === null ? 'empty' : Array.isArray(value) ? value.join(', ') : undefined;
    case 'choice':
      return typeof value === 'string' ? (field.optionTitles[value] ?? value) : undefined;
    case 'boolean':
      return value === undefined ? undefined : value ? 'on' : 'off';
    case 'variant': {
      const type = (value as Record<string, unknown> | undefined)?.[field.discriminator];
      if (typeof type !== 'string') return undefined;
      return field.variants.find((v) => v.name === type)?.title ?? humanize(type);
    }
    case 'json':
      return value === undefined ? undefined : JSON.stringify(value);
  }
}

function formatHint(field: TextField): string | undefined {
  if (field.type === 'number') return describeRange(field);
  if (field.type === 'sizes') {
    const count =
      field.axes !== undefined
        ? field.axes === 1
          ? 'one whole number'
          : `${field.axes} whole numbers separated by commas, or one for all`
        : `${field.minItems === field.maxItems ? field.minItems : `${field.minItems ?? 1} to ${field.maxItems ?? 'any'}`} numbers separated by commas`;
    return field.nullable ? `${count}; leave empty for the usual` : count;
  }
  return undefined;
}

interface FieldFrameProps {
  readonly field: ParamField;
  readonly inputId: string;
  readonly helpId: string;
  readonly errorId: string;
  readonly error: string | undefined;
  readonly issue: string | undefined;
  readonly hint?: string | undefined;
  readonly extraHelp?: string | undefined;
  readonly children: ReactNode;
  /** Checkboxes put their label beside the box. */
  readonly inlineLabel?: boolean;
}

function FieldFrame({
  field,
  inputId,
  helpId,
  errorId,
  error,
  issue,
  hint,
  extraHelp,
  children,
  inlineLabel,
}: FieldFrameProps) {
  const fallback = defaultText(field);
  return (
    <div
      className={`inspector-field${error ? ' inspector-field-invalid' : ''}`}
      data-param={field.key}
    >
      {inlineLabel ? (
        <label className="inspector-check" htmlFor={inputId}>
          {children}
          <span className="inspector-label-text">{field.title}</span>
        </label>
      ) : (
        <>
          <label className="inspector-label" htmlFor={inputId}>
            {field.title}
          </label>
          {children}
        </>
      )}
      {error && (
        <p className="inspector-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      {issue && !error && <p className="inspector-issue">{issue}</p>}
      <p className="inspector-help" id={helpId}>
        {field.description}
        {extraHelp && <span className="inspector-option-help"> {extraHelp}</span>}
        {(hint || fallback !== undefined) && (
          <span className="inspector-default">
            {hint && <> {hint[0]!.toUpperCase() + hint.slice(1)}.</>}
            {fallback !== undefined && <> Default: {fallback}.</>}
          </span>
        )}
      </p>
    </div>
  );
}

function useFieldIds() {
  const id = useId();
  return { inputId: `${id}-input`, helpId: `${id}-help`, errorId: `${id}-error` };
}

/** Numbers, sizes ("3, 3") and anything else typed as text. */
function TextParam({
  field,
  value,
  editor,
  issue,
}: ParamInputProps & { readonly field: TextField }) {
  const ids = useFieldIds();
  const refused = useContext(RefusalContext);
  const commit = (text: string): boolean => {
    const read = readFieldText(field, text);
    if (!read.ok) return false;
    if (JSON.stringify(read.value) === JSON.stringify(value)) return true;
    return editor.apply(field.key, read.value) === undefined;
  };
  const draft = useDraft(formatFieldValue(field, value), commit);
  const error = draft.editing ? validate(field, draft.text, editor) : undefined;
  return (
    <FieldFrame {...ids} field={field} error={error} issue={issue} hint={formatHint(field)}>
      <input
        id={ids.inputId}
        className="inspector-input"
        type="text"
        inputMode={field.type === 'number' ? (field.integer ? 'numeric' : 'decimal') : 'text'}
        spellCheck={false}
        autoComplete="off"
        value={draft.text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${ids.errorId} ${ids.helpId}` : ids.helpId}
        onChange={(event) => draft.setText(event.target.value)}
        onKeyDown={draft.onKeyDown}
        onBlur={() => {
          if (!draft.editing) return;
          if (commit(draft.text)) draft.reset();
          else refused(`${field.title} was not changed: ${error ?? 'the value was refused.'}`);
        }}
      />
    </FieldFrame>
  );
}

function validate(field: TextField, text: string, editor: ParamEditor): string | undefined {
  const read = readFieldText(field, text);
  return read.ok ? editor.check(field.key, read.value) : read.message;
}

function ChoiceParam({
  field,
  value,
  editor,
  issue,
}: ParamInputProps & { readonly field: ChoiceField }) {
  const ids = useFieldIds();
  const current = typeof value === 'string' ? value : '';
  const error =
    current !== '' && !field.options.includes(current) ? editor.check(field.key, value) : undefined;
  return (
    <FieldFrame
      {...ids}
      field={field}
      error={error}
      issue={issue}
      extraHelp={field.optionHelp[current]}
    >
      <select
        id={ids.inputId}
        className="inspector-input"
        value={current}
        aria-describedby={ids.helpId}
        onChange={(event) => editor.apply(field.key, event.target.value)}
      >
        {field.options.map((option) => (
          <option key={option} value={option}>
            {field.optionTitles[option] ?? option}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

function BooleanParam({
  field,
  value,
  editor,
  issue,
}: ParamInputProps & { readonly field: BooleanField }) {
  const ids = useFieldIds();
  return (
    <FieldFrame {...ids} field={field} error={undefined} issue={issue} inlineLabel>
      <input
        id={ids.inputId}
        type="checkbox"
        checked={value === true}
        aria-describedby={ids.helpId}
        onChange={(event) => editor.apply(field.key, event.target.checked)}
      />
    </FieldFrame>
  );
}

/** A form picked from a list (an initializer), with the numbers that form takes. */
function VariantParam({
  field,
  value,
  editor,
  issue,
}: ParamInputProps & { readonly field: VariantField }) {
  const ids = useFieldIds();
  const current =
    value && typeof value === 'object' ? (value as Record<string, unknown>) : { type: '' };
  const tag = current[field.discriminator];
  const name = typeof tag === 'string' ? tag : '';
  const variant = field.variants.find((v) => v.name === name);
  const subEditor: ParamEditor = {
    check: (key, sub) => editor.check(field.key, { ...current, [key]: sub }),
    apply: (key, sub) => editor.apply(field.key, { ...current, [key]: sub }),
  };
  return (
    <>
      <FieldFrame {...ids} field={field} error={undefined} issue={issue} extraHelp={variant?.help}>
        <select
          id={ids.inputId}
          className="inspector-input"
          value={name}
          aria-describedby={ids.helpId}
          onChange={(event) =>
            editor.apply(field.key, { [field.discriminator]: event.target.value })
          }
        >
          {field.variants.map((v) => (
            <option key={v.name} value={v.name}>
              {v.title}
            </option>
          ))}
        </select>
      </FieldFrame>
      {variant?.fields.map((sub) => (
        <div className="inspector-subfield" key={`${name}-${sub.key}`}>
          <TextParam
            field={{ ...sub, title: `${field.title}: ${sub.title.toLowerCase()}` }}
            value={current[sub.key]}
            editor={subEditor}
          />
        </div>
      ))}
    </>
  );
}

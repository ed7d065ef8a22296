import { useState, type ReactNode } from 'react';
import { BACKEND_TITLES, BACKENDS, type BackendChoice } from '../../../../shared/training/backends';
import type { MomentumForm, MONITORED, TrainingConfig } from '../../../../shared/training/config';
import { MOMENTUM_FORMULAS, SCHEDULE_FORMULAS } from '../../../../shared/training/config';
import { LabPadlock } from '../../labs/LabPadlock';
import { SET_BY_THE_LAB } from '../../labs/locked-settings';
import { firstEpochRates } from '../model/schedule-preview';
import {
  CLIPPING_FIELDS,
  NUMBER_FIELDS,
  OPTIMIZER_FIELDS,
  SCHEDULE_FIELDS,
  type ClippingType,
  type FormDraft,
  type OptimizerType,
  type ScheduleType,
} from '../model/form-fields';

export interface TrainingFormProps {
  readonly draft: FormDraft;
  /** The lab's settings, else the template's or the app's defaults, shown beside each field. */
  readonly defaults: FormDraft;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (key: string, value: string | boolean) => void;
  readonly backend: BackendChoice;
  readonly onBackendChange: (backend: BackendChoice) => void;
  /** While a run trains, its settings cannot change. */
  readonly disabled: boolean;
  /** The settings the draft stands for, when every field is valid (for the previews). */
  readonly config?: TrainingConfig | undefined;
  /** Fields a lab keeps at its own value (by form key): shown greyed with a padlock. */
  readonly isLocked?: (formKey: string) => boolean;
}

const fieldId = (key: string) => `training-${key.replace(/\./g, '-')}`;

const OPTIMIZER_TITLES: Readonly<Record<OptimizerType, string>> = {
  sgd: 'Gradient descent (SGD, with momentum)',
  adagrad: 'Adagrad',
  rmsprop: 'RMSprop',
  adam: 'Adam',
};
const SCHEDULE_TITLES: Readonly<Record<ScheduleType, string>> = {
  constant: 'Constant',
  inverseTime: 'Decay: α₀ / (1 + decay · n)',
  step: 'Step: × factor every few epochs',
  exponential: 'Exponential: α₀ · rate^(n − 1)',
};
const MOMENTUM_FORM_TITLES: Readonly<Record<MomentumForm, string>> = {
  average: 'Average of gradients (course notes)',
  sum: 'Sum of gradients (Keras, TF.js)',
};
const CLIPPING_TITLES: Readonly<Record<ClippingType, string>> = {
  none: 'None',
  value: 'By value',
  norm: 'By norm (whole gradient)',
};
const MONITOR_TITLES: Readonly<Record<(typeof MONITORED)[number], string>> = {
  loss: 'Training loss',
  val_loss: 'Validation loss',
  accuracy: 'Training accuracy',
  val_accuracy: 'Validation accuracy',
  f1: 'Training F1',
  val_f1: 'Validation F1',
  mae: 'Training mean absolute error',
  val_mae: 'Validation mean absolute error',
};

/** Every option of the training engine, grouped; the advanced groups start collapsed. */
export function TrainingForm(props: TrainingFormProps) {
  const { draft, errors } = props;
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(new Set());
  const text = (key: string) => String(draft[key] ?? '');
  const locked = (key: string) => props.isLocked?.(key) ?? false;
  const padlock = (key: string) => (locked(key) ? <LabPadlock decorative /> : null);
  // A locked field tells why it is greyed: as a tooltip, and to a screen reader.
  const lockNote = (key: string) =>
    locked(key) ? { title: SET_BY_THE_LAB, 'aria-description': SET_BY_THE_LAB } : {};

  const numberField = (key: string, extra?: ReactNode) => {
    const spec = NUMBER_FIELDS[key]!;
    const id = fieldId(key);
    const error = errors[key];
    const fallback = props.defaults[key];
    return (
      <div className={`form-field${error ? ' has-error' : ''}`} key={key}>
        <label htmlFor={id}>
          {spec.label}
          {padlock(key)}
        </label>
        <div className="form-input-row">
          <input
            id={id}
            type="text"
            inputMode={spec.integer ? 'numeric' : 'decimal'}
            value={text(key)}
            disabled={props.disabled || locked(key)}
            {...lockNote(key)}
            aria-invalid={error !== undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(event) => props.onChange(key, event.target.value)}
          />
          {extra}
        </div>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        <p id={`${id}-hint`} className="field-hint">
          {spec.hint}
          {fallback !== undefined && typeof fallback === 'string' && (
            <span className="field-default"> Default: {fallback}.</span>
          )}
        </p>
      </div>
    );
  };

  const selectField = (
    key: string,
    label: string,
    options: readonly (readonly [string, string])[],
  ) => {
    const id = fieldId(key);
    const error = errors[key];
    return (
      <div className={`form-field${error ? ' has-error' : ''}`} key={key}>
        <label htmlFor={id}>
          {label}
          {padlock(key)}
        </label>
        <select
          id={id}
          value={text(key)}
          disabled={props.disabled || locked(key)}
          {...lockNote(key)}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => props.onChange(key, event.target.value)}
        >
          {options.map(([value, title]) => (
            <option key={value} value={value}>
              {title}
            </option>
          ))}
        </select>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  const checkbox = (key: string, label: string, hint?: string) => {
    const id = fieldId(key);
    return (
      <div className="form-check" key={key}>
        <input
          id={id}
          type="checkbox"
          checked={draft[key] === true}
          disabled={props.disabled || locked(key)}
          {...lockNote(key)}
          onChange={(event) => props.onChange(key, event.target.checked)}
        />
        <label htmlFor={id}>
          {label}
          {hint && <span className="field-hint"> {hint}</span>}
          {padlock(key)}
        </label>
      </div>
    );
  };

  const group = (name: string, title: string, keys: readonly string[], body: ReactNode) => {
    const invalid = keys.some((key) => errors[key] !== undefined);
    const open = invalid || openGroups.has(name);
    return (
      <details
        className={`form-group${invalid ? ' has-error' : ''}`}
        open={open}
        onToggle={(event) => {
          const isOpen = event.currentTarget.open;
          if (isOpen === openGroups.has(name)) return;
          setOpenGroups((current) => {
            const next = new Set(current);
            if (isOpen) next.add(name);
            else next.delete(name);
            return next;
          });
        }}
      >
        <summary>
          {title}
          {invalid && <span className="group-error-mark"> — needs a fix</span>}
        </summary>
        <div className="form-group-body">{body}</div>
      </details>
    );
  };

  const optimizer = text('optimizer.type') as OptimizerType;
  const schedule = text('schedule.type') as ScheduleType;
  const clipping = text('clipping.type') as ClippingType;
  const full = draft['batchFull'] === true;

  return (
    <form
      className="training-form"
      aria-label="Training settings"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="form-basics" disabled={props.disabled}>
        <legend>Basics</legend>
        {numberField('epochs')}
        {full ? (
          <div className="form-field">
            <span className="form-static-label">
              Batch size
              {padlock('batchSize')}
            </span>
            <p className="field-hint">
              All training examples in every batch: batch gradient descent.
            </p>
          </div>
        ) : (
          numberField('batchSize')
        )}
        {checkbox('batchFull', 'Full batch', '(batch gradient descent)')}
        {selectField('optimizer.type', 'Optimizer', Object.entries<string>(OPTIMIZER_TITLES))}
        {(OPTIMIZER_FIELDS[optimizer] ?? []).map((name) => numberField(`optimizer.${name}`))}
        {optimizer === 'sgd' && (
          <>
            {selectField(
              'optimizer.momentumForm',
              'Momentum formula',
              Object.entries<string>(MOMENTUM_FORM_TITLES),
            )}
            <p className="field-hint formula" data-testid="momentum-formula">
              {MOMENTUM_FORMULAS[text('optimizer.momentumForm') as MomentumForm] ?? ''}
            </p>
          </>
        )}
        {checkbox('shuffle', 'Shuffle the examples every epoch')}
      </fieldset>

      {group(
        'split',
        'Validation & test',
        ['validation.fraction', 'test.fraction', 'kFold'],
        <>
          {selectField('validation.kind', 'Validation data', [
            ['split', 'Hold out a fraction'],
            ['none', 'None'],
          ])}
          {text('validation.kind') === 'split' && numberField('validation.fraction')}
          {selectField('test.kind', 'Test data', [
            ['none', 'None'],
            ['split', 'Hold out a fraction'],
            ['dataset', "The data set's own test part"],
          ])}
          {text('test.kind') === 'split' && numberField('test.fraction')}
          {numberField('kFold')}
          {checkbox('stratify', 'Stratified', '(every part keeps each class’s share)')}
        </>,
      )}

      {group(
        'schedule',
        'Learning-rate schedule',
        ['schedule.decay', 'schedule.every', 'schedule.factor', 'schedule.rate'],
        <>
          {selectField('schedule.type', 'Schedule', Object.entries<string>(SCHEDULE_TITLES))}
          {(SCHEDULE_FIELDS[schedule] ?? []).map((name) => numberField(`schedule.${name}`))}
          <p className="field-hint formula">{SCHEDULE_FORMULAS[schedule] ?? ''}</p>
          {props.config && (
            <p className="field-hint" data-testid="schedule-preview">
              Learning rate {firstEpochRates(props.config)}
            </p>
          )}
        </>,
      )}

      {group(
        'clipping',
        'Gradient clipping',
        ['clipping.limit', 'clipping.maxNorm'],
        <>
          {selectField('clipping.type', 'Clipping', Object.entries<string>(CLIPPING_TITLES))}
          {(CLIPPING_FIELDS[clipping] ?? []).map((name) => numberField(`clipping.${name}`))}
        </>,
      )}

      {group(
        'early',
        'Early stopping',
        ['earlyStopping.monitor', 'earlyStopping.patience', 'earlyStopping.minDelta'],
        <>
          {checkbox('earlyStopping.enabled', 'Stop when the watched number stops improving')}
          {draft['earlyStopping.enabled'] === true && (
            <>
              {selectField(
                'earlyStopping.monitor',
                'Watch',
                Object.entries<string>(MONITOR_TITLES),
              )}
              {numberField('earlyStopping.patience')}
              {numberField('earlyStopping.minDelta')}
              {checkbox('earlyStopping.restoreBestWeights', 'Keep the weights of the best epoch')}
            </>
          )}
        </>,
      )}

      {group(
        'augmentation',
        'Data augmentation',
        ['augmentation.shift', 'augmentation.rotation', 'augmentation.noise'],
        <>
          <p className="field-hint">
            Random changes to training images, never to validation or test ones.
          </p>
          {numberField('augmentation.shift')}
          {numberField('augmentation.rotation')}
          {checkbox('augmentation.flipHorizontal', 'Flip images left to right at random')}
          {numberField('augmentation.noise')}
        </>,
      )}

      {group(
        'backend',
        'Backend',
        [],
        <div className="form-field">
          <label htmlFor="training-backend">Run training on</label>
          <select
            id="training-backend"
            value={props.backend}
            disabled={props.disabled}
            onChange={(event) => props.onBackendChange(event.target.value as BackendChoice)}
          >
            <option value="auto">Best available (automatic)</option>
            {BACKENDS.map((backend) => (
              <option key={backend} value={backend}>
                {BACKEND_TITLES[backend]}
              </option>
            ))}
          </select>
          <p className="field-hint">
            Automatic tries the GPU first, then native CPU, WebAssembly and plain JavaScript.
          </p>
        </div>,
      )}

      {group(
        'seed',
        'Seed & chart updates',
        ['seed', 'batchEventInterval'],
        <>
          {numberField('seed')}
          {numberField('batchEventInterval')}
          {checkbox(
            'liveInside',
            'Look inside while training',
            '(saliency maps of a few examples, and the decision boundary of two inputs; redone as often as keeps that under 1/20 of the training time)',
          )}
        </>,
      )}
    </form>
  );
}

import './inspector.css';
import { Fragment, memo, useContext, useId, useMemo } from 'react';
import { activationSettingOf } from '../../../../shared/catalog/activation-curves';
import { findKind } from '../../../../shared/catalog/registry';
import type { GraphDocument, GraphNode } from '../../../../shared/graph/document';
import { isTrainable } from '../../../../shared/graph/document';
import { checkNodeParams } from '../../../../shared/graph/node-params';
import type { GraphAnalysis, GraphIssue } from '../../../../shared/inference/analyze';
import { formatCount } from '../../../../shared/inference/memory';
import { formatShape } from '../../../../shared/shapes/shape';
import type { TensorInfo } from '../../../../shared/shapes/shape';
import type { EditorHistory, Selection } from '../model';
import { editParams } from '../model';
import { applicableParams } from '../../../../shared/catalog/param-fields';
import { ActivationCurve } from './ActivationCurve';
import type { ParamEditor } from './ParamInput';
import { ParamInput } from './ParamInput';
import { RefusalContext } from './refusal';
import { TrainableSwitch } from './TrainableSwitch';
import { useDraft } from './use-draft';
import { keepsAveragedStatistics } from '../../../../shared/catalog/averaged-statistics';

interface InspectorProps {
  readonly history: EditorHistory;
  readonly doc: GraphDocument;
  readonly analysis: GraphAnalysis;
  readonly selection: Selection;
  /** Says in the status line that a field's text was left unapplied. */
  readonly onRefused?: (message: string) => void;
}

const IGNORE = () => undefined;

/**
 * The panel on the right: the selected layer's settings, or the network's name and description
 * when nothing is selected. Every edit goes through the history, one undo step per commit.
 */
export function Inspector({ history, doc, analysis, selection, onRefused }: InspectorProps) {
  const selected = doc.nodes.filter((n) => selection.nodes.has(n.id));
  let body;
  if (selected.length === 1) {
    const node = selected[0]!;
    body = <LayerInspector key={node.id} history={history} node={node} analysis={analysis} />;
  } else if (selected.length > 1) {
    body = (
      <div className="inspector-section">
        <h2 className="inspector-title">{selected.length} layers selected</h2>
        <p className="inspector-hint">
          Select a single layer to change its settings. You can copy, duplicate, delete or move the
          selected layers together.
        </p>
      </div>
    );
  } else if (selection.edges.size > 0) {
    body = (
      <div className="inspector-section">
        <h2 className="inspector-title">
          {selection.edges.size === 1
            ? 'A connection is selected'
            : `${selection.edges.size} connections selected`}
        </h2>
        <p className="inspector-hint">Press Delete to remove it, or select a layer to edit it.</p>
      </div>
    );
  } else {
    body = <NetworkInspector history={history} metadata={doc.metadata} analysis={analysis} />;
  }
  return (
    <RefusalContext.Provider value={onRefused ?? IGNORE}>
      <aside className="inspector" aria-label="Inspector">
        {body}
      </aside>
    </RefusalContext.Provider>
  );
}

// Memoized: while a layer is dragged the document changes every frame, but nothing shown here.
const NetworkInspector = memo(function NetworkInspector({
  history,
  metadata,
  analysis,
}: {
  readonly history: EditorHistory;
  readonly metadata: GraphDocument['metadata'];
  readonly analysis: GraphAnalysis;
}) {
  const graphIssues = analysis.issues.filter((i) => i.nodeId === undefined);
  return (
    <div className="inspector-section">
      <h2 className="inspector-title">Network</h2>
      <MetadataField history={history} metadata={metadata} field="name" title="Name" />
      <MetadataField
        history={history}
        metadata={metadata}
        field="description"
        title="Description"
        multiline
      />
      <IssueList issues={graphIssues} />
      <p className="inspector-hint">
        Select a layer to change its settings. Drag layers from the palette on the left: one dropped
        onto a connection goes in between, one dropped just below the selected layer comes after it.
        Connect layers by dragging from the dot at the bottom of one to the next layer. Press ? for
        keyboard shortcuts.
      </p>
    </div>
  );
});

function MetadataField({
  history,
  metadata,
  field,
  title,
  multiline,
}: {
  readonly history: EditorHistory;
  readonly metadata: GraphDocument['metadata'];
  readonly field: 'name' | 'description';
  readonly title: string;
  readonly multiline?: boolean;
}) {
  const id = useId();
  const refused = useContext(RefusalContext);
  const value = metadata[field];
  const check = (text: string): string | undefined => {
    if (field === 'name' && text.trim() === '') return 'The network needs a name.';
    const limit = field === 'name' ? 200 : 20_000;
    return text.length > limit
      ? `The ${title.toLowerCase()} can have at most ${formatCount(limit)} characters (this one has ${formatCount(text.length)}).`
      : undefined;
  };
  const commit = (text: string): boolean => {
    if (check(text) !== undefined) return false;
    if (text === value) return true;
    return history.apply({ type: 'setMetadata', metadata: { [field]: text } }).ok;
  };
  const draft = useDraft(value, commit, { multiline: multiline ?? false });
  const error = draft.editing ? check(draft.text) : undefined;
  const props = {
    id: `${id}-input`,
    className: 'inspector-input',
    value: draft.text,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onKeyDown: draft.onKeyDown,
    onBlur: () => {
      if (!draft.editing) return;
      if (commit(draft.text)) draft.reset();
      else refused(`The ${title.toLowerCase()} was not changed: ${error ?? 'it was refused.'}`);
    },
  };
  return (
    <div className={`inspector-field${error ? ' inspector-field-invalid' : ''}`}>
      <label className="inspector-label" htmlFor={`${id}-input`}>
        {title}
      </label>
      {multiline ? (
        <textarea {...props} rows={4} onChange={(event) => draft.setText(event.target.value)} />
      ) : (
        <input {...props} type="text" onChange={(event) => draft.setText(event.target.value)} />
      )}
      {error && (
        <p className="inspector-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Only what the inspector shows matters: a layer's position changes every frame of a drag. */
function sameLayer(a: LayerInspectorProps, b: LayerInspectorProps): boolean {
  return (
    a.history === b.history &&
    a.analysis === b.analysis &&
    a.node.id === b.node.id &&
    a.node.kind === b.node.kind &&
    a.node.label === b.node.label &&
    a.node.trainable === b.node.trainable &&
    a.node.params === b.node.params
  );
}

interface LayerInspectorProps {
  readonly history: EditorHistory;
  readonly node: GraphNode;
  readonly analysis: GraphAnalysis;
}

const LayerInspector = memo(function LayerInspector({
  history,
  node,
  analysis,
}: {
  readonly history: EditorHistory;
  readonly node: GraphNode;
  readonly analysis: GraphAnalysis;
}) {
  const kind = findKind(node.kind);
  // Only the settings that matter for this layer: the catalog says when each one does.
  const fields = useMemo(
    () => (kind ? applicableParams(kind, node.params) : []),
    [kind, node.params],
  );
  const result = analysis.nodes.get(node.id);
  const issues = result?.issues ?? [];
  const fieldKeys = new Set(fields.map((f) => f.key));
  const editor: ParamEditor = {
    check: (key, value) => {
      const checked = checkNodeParams(node, { ...node.params, [key]: value });
      if (checked.ok) return undefined;
      return (checked.problems.find((p) => p.field === key) ?? checked.problems[0])?.message;
    },
    apply: (key, value) => {
      const applied = history.apply(editParams(history.document, node.id, { [key]: value }));
      return applied.ok ? undefined : applied.message;
    },
  };
  const parameters = result ? result.params.trainable + result.params.nonTrainable : 0;
  // The curve follows the settings it draws: after the activation (and leaky ReLU's slope).
  const activation = activationSettingOf(node.params);
  const curveAfter = activation
    ? fields.findLast((f) => f.key === 'activation' || f.key === 'leakyAlpha')?.key
    : undefined;

  return (
    <div className="inspector-section">
      <h2 className="inspector-title">{kind?.title ?? node.kind}</h2>
      {kind && <p className="inspector-summary">{kind.summary}</p>}
      <dl className="inspector-facts">
        <div>
          <dt>Output shape</dt>
          <dd>{result?.output ? formatShape(result.output.shape) : '?'}</dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd>{formatCount(parameters)}</dd>
        </div>
      </dl>
      <IssueList issues={issues.filter((i) => !i.field || !fieldKeys.has(i.field))} />
      <LabelField history={history} node={node} />
      <p className="inspector-id">
        Id <code>{node.id}</code>
      </p>
      {result && (parameters > 0 || !isTrainable(node)) && (
        <TrainableSwitch
          history={history}
          node={node}
          params={result.params}
          keepsStatistics={keepsStatistics(node, history.document, analysis)}
        />
      )}
      {fields.length === 0 && <p className="inspector-hint">This layer has no settings.</p>}
      {fields.map((field) => (
        <Fragment key={field.key}>
          <ParamInput
            field={field}
            value={node.params[field.key]}
            editor={editor}
            issue={issues.find((i) => i.field === field.key)?.message}
          />
          {activation && field.key === curveAfter && <ActivationCurve setting={activation} />}
        </Fragment>
      ))}
    </div>
  );
}, sameLayer);

/** Whether a layer keeps weights by averaging, which a frozen one keeps as they are too. */
function keepsStatistics(node: GraphNode, doc: GraphDocument, analysis: GraphAnalysis): boolean {
  const kind = findKind(node.kind);
  if (!kind) return false;
  const ports = kind.inputPorts(node.params);
  const inputs = ports.map((port) => {
    const edge = doc.edges.find((e) => e.target.node === node.id && e.target.port === port.id);
    return edge ? analysis.nodes.get(edge.source.node)?.output : undefined;
  });
  if (inputs.some((input) => input === undefined)) return false;
  return keepsAveragedStatistics(kind, node.params, inputs as TensorInfo[]);
}

function LabelField({
  history,
  node,
}: {
  readonly history: EditorHistory;
  readonly node: GraphNode;
}) {
  const id = useId();
  const refused = useContext(RefusalContext);
  const value = node.label ?? '';
  const commit = (text: string): boolean => {
    if (text === value) return true;
    return history.apply({ type: 'setLabel', id: node.id, label: text }).ok;
  };
  const draft = useDraft(value, commit);
  const error =
    draft.editing && draft.text.length > 200
      ? `A label can have at most 200 characters (this one has ${draft.text.length}).`
      : undefined;
  return (
    <div className={`inspector-field${error ? ' inspector-field-invalid' : ''}`}>
      <label className="inspector-label" htmlFor={`${id}-input`}>
        Label
      </label>
      <input
        id={`${id}-input`}
        className="inspector-input"
        type="text"
        value={draft.text}
        placeholder={node.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(event) => draft.setText(event.target.value)}
        onKeyDown={draft.onKeyDown}
        onBlur={() => {
          if (!draft.editing) return;
          if (commit(draft.text)) draft.reset();
          else refused(`The label was not changed: ${error ?? 'it was refused.'}`);
        }}
      />
      {error && (
        <p className="inspector-error" role="alert">
          {error}
        </p>
      )}
      <p className="inspector-help" id={`${id}-help`}>
        A name for this layer on the canvas, e.g. &quot;hidden&quot;. Leave empty to use its id.
      </p>
    </div>
  );
}

function IssueList({ issues }: { readonly issues: readonly GraphIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="inspector-issues">
      {issues.map((issue, index) => (
        <li key={`${issue.code}-${index}`} className={`inspector-issue-${issue.severity}`}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

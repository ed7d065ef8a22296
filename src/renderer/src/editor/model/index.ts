export type { ApplyResult, Change, Metadata, Position } from './changes';
export { applyChange, applyChanges } from './changes';
export type { EditorHistoryOptions } from './history';
export { DEFAULT_MAX_STEPS, EditorHistory } from './history';
export type { CanConnectOptions, ConnectionCheck, DragStart } from './connections';
export { canConnect, connect, connectToLayer } from './connections';
export type { Fragment, Paste } from './clipboard';
export { DUPLICATE_OFFSET, copy, deleteSelection, duplicate, paste } from './clipboard';
export type { Selection } from './selection';
export { EMPTY_SELECTION, pruneSelection, selectAll } from './selection';
export { IdAllocator, freshEdgeId, freshNodeId, idBaseForKind } from './ids';
export type { LayoutDirection, LayoutOptions, NodeSize } from './layout';
export { DEFAULT_NODE_SIZE, autoLayout } from './layout';
export { editParams } from './edit-params';
export type { FragmentRead } from './clipboard-text';
export { SELECTION_FORMAT, fragmentFromText, fragmentToText } from './clipboard-text';
export type { EditorCommand, KeyChord, KeyInput, Shortcut } from './shortcuts';
export { SHORTCUTS, commandForKey, formatChord } from './shortcuts';
export type {
  BooleanField,
  Bound,
  ChoiceField,
  JsonField,
  NumberField,
  ParamField,
  SizesField,
  VariantField,
} from '../../../../shared/catalog/param-fields';
export { describeParams, describeRange, humanize } from '../../../../shared/catalog/param-fields';
export type { TextField, TextRead } from './field-text';
export { formatFieldValue, readFieldText, readNumber } from './field-text';
export type { LayerNodeData } from './node-faces';
export { NodeDataCache } from './node-faces';
export { FaceStore } from './face-store';
export { AnalysisMemo, sameStructure } from './analysis-memo';
export { NEW_NODE_SIZE, PLACEMENT_GAP, freePosition, layerBoxes } from './placement';
export type { DropPlan, DropRequest } from './drop';
export { NEXT_TO_DISTANCE, isNextTo, planDrop } from './drop';
export type { Bounds, FitOptions, Viewport } from './viewport';
export { READABLE_ZOOM, readableFit } from './viewport';
export type { ShapeFigure } from './shape-figure';
export { shapeFigure } from './shape-figure';

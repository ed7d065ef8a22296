import type { GraphDocument } from '../../../../shared/graph/document';
import type { Position } from './changes';
import type { NodeSize } from './layout';
import { DEFAULT_NODE_SIZE } from './layout';

/**
 * The room a new card takes before the canvas has measured it: a layer that is not wired yet
 * shows a line of error under its facts, so it is taller than a finished one.
 */
export const NEW_NODE_SIZE: NodeSize = { width: DEFAULT_NODE_SIZE.width, height: 120 };

/**
 * The space kept between a card and the next. It is more than a card grows when it gains an
 * error (one line, see `.layer-node-error`), so a neighbour never ends up under it.
 */
export const PLACEMENT_GAP = 32;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Each layer's box on the canvas, from its measured size (or the typical one). */
export function layerBoxes(
  doc: GraphDocument,
  sizes: ReadonlyMap<string, NodeSize>,
): Map<string, Box> {
  return new Map(
    doc.nodes.map((node) => {
      const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
      return [node.id, { ...node.position, width: size.width, height: size.height }];
    }),
  );
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/**
 * Where a card of `size` wanted at `at` can go without covering a layer or coming closer to
 * one than `gap`: there, or straight below the layers in its way (networks grow downwards).
 */
export function freePosition(
  doc: GraphDocument,
  sizes: ReadonlyMap<string, NodeSize>,
  at: Position,
  size: NodeSize = NEW_NODE_SIZE,
  gap: number = PLACEMENT_GAP,
): Position {
  const boxes = [...layerBoxes(doc, sizes).values()];
  let y = at.y;
  // Each step moves below one more layer, so this ends after at most one step per layer.
  for (let step = 0; step <= boxes.length; step += 1) {
    const card: Box = { x: at.x, y, ...size };
    const inTheWay = boxes.filter((box) => overlaps(card, box, gap));
    if (inTheWay.length === 0) break;
    y = Math.max(...inTheWay.map((box) => box.y + box.height + gap));
  }
  return { x: Math.round(at.x), y: Math.round(y) };
}

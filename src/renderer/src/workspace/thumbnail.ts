import type { GraphDocument } from '../../../shared/graph/document';

/** A layer's box on the canvas, in canvas units (as LayerNode draws it, roughly). */
const NODE_WIDTH = 200;
const NODE_HEIGHT = 90;
const MAX_THUMBNAIL_CHARS = 300_000;

/**
 * A small picture of the network for the projects list: boxes where the layers are and lines
 * for the connections. Drawn from the document rather than captured from the screen, so it
 * works whichever tab is showing and costs well under a millisecond. Undefined when there is
 * nothing to draw or the page cannot draw.
 */
export function renderThumbnail(doc: GraphDocument, width = 240, height = 150): string | undefined {
  if (doc.nodes.length === 0) return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return undefined;

  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const spanX = Math.max(...xs) + NODE_WIDTH - left;
  const spanY = Math.max(...ys) + NODE_HEIGHT - top;
  const margin = 10;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY, 0.5);
  const offsetX = (width - spanX * scale) / 2 - left * scale;
  const offsetY = (height - spanY * scale) / 2 - top * scale;
  const centre = (id: string): [number, number] | undefined => {
    const node = doc.nodes.find((n) => n.id === id);
    if (!node) return undefined;
    return [
      offsetX + (node.position.x + NODE_WIDTH / 2) * scale,
      offsetY + (node.position.y + NODE_HEIGHT / 2) * scale,
    ];
  };

  context.fillStyle = '#f5f6f8';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = '#9aa3b2';
  context.lineWidth = 1;
  for (const edge of doc.edges) {
    const from = centre(edge.source.node);
    const to = centre(edge.target.node);
    if (!from || !to) continue;
    context.beginPath();
    context.moveTo(...from);
    context.lineTo(...to);
    context.stroke();
  }
  context.fillStyle = '#ffffff';
  context.strokeStyle = '#3a5bd9';
  for (const node of doc.nodes) {
    const x = offsetX + node.position.x * scale;
    const y = offsetY + node.position.y * scale;
    context.fillRect(x, y, NODE_WIDTH * scale, NODE_HEIGHT * scale);
    context.strokeRect(x, y, NODE_WIDTH * scale, NODE_HEIGHT * scale);
  }
  const url = canvas.toDataURL('image/png');
  return url.length <= MAX_THUMBNAIL_CHARS ? url : undefined;
}

import { findKind } from '../../../shared/catalog/registry';

const BLOCK = { width: 34, height: 5, gap: 2 };

/**
 * A small picture of a template's network: one block per layer from the input down, in each
 * kind's canvas colour, so the gallery shows at a glance how deep a network is and what it is
 * made of (convolutions purple, recurrent layers orange, …).
 */
export function TemplatePicture({ layers }: { readonly layers: readonly string[] }) {
  const shown = layers.slice(0, 14);
  const height = shown.length * (BLOCK.height + BLOCK.gap);
  return (
    <svg
      className="template-picture"
      width={BLOCK.width}
      height={Math.max(height, BLOCK.height)}
      viewBox={`0 0 ${BLOCK.width} ${Math.max(height, BLOCK.height)}`}
      aria-hidden="true"
    >
      {shown.map((kind, index) => (
        <rect
          key={index}
          x={0}
          y={index * (BLOCK.height + BLOCK.gap)}
          width={BLOCK.width}
          height={BLOCK.height}
          rx={2}
          fill={findKind(kind)?.look.colour ?? '#8a94a6'}
        >
          <title>{findKind(kind)?.title ?? kind}</title>
        </rect>
      ))}
    </svg>
  );
}

import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FitCheck } from '../../src/renderer/src/data/FitCheck';
import type { DatasetFit } from '../../src/shared/data/dataset-preview';

/** "Apply all fixes" applies the fit check's checked plan, and only when there is one. */

const problems: DatasetFit['problems'] = [
  {
    message: 'Input "x" takes 2 numbers.',
    fix: 'Set its shape to [4].',
    edit: { nodeId: 'x', params: { shape: [4] } },
  },
  {
    message: 'Dense "out" gives 1 value.',
    fix: 'Set it to 3 units.',
    edit: { nodeId: 'out', params: { units: 3 } },
  },
];

describe('the fit check’s "Apply all fixes"', () => {
  it('applies the planned edits, which may go beyond the listed ones', () => {
    const plan = [
      { nodeId: 'x', params: { shape: [4] } },
      { nodeId: 'out', params: { units: 3, activation: 'softmax' } },
    ];
    const onApply = vi.fn();
    render(
      <FitCheck
        fit={{ status: 'mismatch', ok: false, problems, notes: [], applyAll: plan }}
        checking={false}
        onApply={onApply}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Apply all fixes' }));
    expect(onApply).toHaveBeenCalledWith(plan);
  });

  it('is not offered when the fixes together would still not fit', () => {
    render(
      <FitCheck
        fit={{ status: 'mismatch', ok: false, problems, notes: [] }}
        checking={false}
        onApply={() => undefined}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Apply all fixes' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Apply fix' })).toHaveLength(2);
  });
});

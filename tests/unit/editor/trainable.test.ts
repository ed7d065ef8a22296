import { describe, expect, it } from 'vitest';
import { NodeDataCache, applyChange, sameStructure } from '../../../src/renderer/src/editor/model';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { chain } from '../../fixtures/build-graph';

/** Freezing a layer in the editor: the change, its undo, and the card's face. */

const doc = chain({ form: 'vector', shape: [2] }, [['Dense', { units: 3 }]]);

describe('setTrainable', () => {
  it('freezes a layer and undoes to a layer that learns, written as parse() writes them', () => {
    const frozen = applyChange(doc, { type: 'setTrainable', id: 'l1', trainable: false });
    expect(frozen.ok && frozen.doc.nodes[1]!.trainable).toBe(false);
    if (!frozen.ok) return;
    expect(frozen.inverse).toEqual({ type: 'setTrainable', id: 'l1', trainable: true });
    const undone = applyChange(frozen.doc, frozen.inverse);
    expect(undone.ok && undone.doc.nodes[1]).toEqual(doc.nodes[1]);
    // A changed network for the analysis, the code panel and the autosave.
    expect(sameStructure(doc, frozen.doc)).toBe(false);
  });

  it('says which layer is missing', () => {
    const result = applyChange(doc, { type: 'setTrainable', id: 'gone', trainable: false });
    expect(result).toEqual({
      ok: false,
      message: 'There is no layer "gone" in this network; it may have been deleted.',
    });
  });

  it('marks the card of a frozen layer, and only that card changes', () => {
    const cache = new NodeDataCache();
    const analysis = analyzeGraph(doc);
    const before = doc.nodes.map((n) => cache.get(n, analysis.nodes.get(n.id)));
    expect(before[1]!.frozen).toBe(false);
    const frozen = applyChange(doc, { type: 'setTrainable', id: 'l1', trainable: false });
    if (!frozen.ok) throw new Error(frozen.message);
    const after = frozen.doc.nodes.map((n) => cache.get(n, analysis.nodes.get(n.id)));
    expect(after[1]!.frozen).toBe(true);
    expect(after[0]).toBe(before[0]);
  });
});

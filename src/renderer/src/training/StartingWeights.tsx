/**
 * What an imported project's runs start from: the trained model's weights rather than fresh
 * random ones, and how to keep some layers as they are.
 */
export function StartingWeights({ source }: { readonly source: string }) {
  return (
    <section className="training-start" aria-label="Starting weights">
      <h2 className="training-subtitle">Starting weights</h2>
      <p>
        From the model imported from <strong>{source}</strong>: each run goes on from what it had
        learnt, in every layer that still fits it. A layer you add or resize starts afresh.
      </p>
      <p className="field-hint">
        To keep a layer exactly as it is, select it on the Network tab and switch off its
        “Trainable” switch.
      </p>
    </section>
  );
}

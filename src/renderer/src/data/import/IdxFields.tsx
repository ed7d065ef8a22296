import { describeError, useApi } from '../../api';
import { IDX_LIMIT_MIN, idxLimitCheck } from '../model/import-forms';
import { NumberField } from '../NumberField';
import { chooseOnDesktop } from './choose-on-desktop';
import type { FieldsProps } from './fields';
import { FilePicker } from './FilePicker';

/** IDX files (MNIST's format): the images file, the labels file, and how many to use. */
export function IdxFields({
  forms,
  desktop,
  busy,
  problems,
  setProblem,
  update,
  onUpload,
}: FieldsProps) {
  const api = useApi();
  const form = forms.idx;
  const limit = idxLimitCheck(form);
  const choose = async (slot: 'images' | 'labels') => {
    try {
      const picked = await chooseOnDesktop(api, 'idx');
      if (picked) update('idx', { [slot]: picked });
    } catch (error) {
      setProblem(slot === 'images' ? 'idx-images' : 'idx-labels', describeError(error));
    }
  };
  return (
    <div className="data-form">
      <p className="data-hint">
        The MNIST file format: an images file and a labels file, such as train-images-idx3-ubyte.gz
        and train-labels-idx1-ubyte.gz.
      </p>
      <FilePicker
        label="Images file"
        chosen={form.images}
        desktop={desktop}
        buttonText="Choose the images file…"
        error={problems['idx-images']}
        busy={busy}
        onDesktopChoose={() => void choose('images')}
        onUpload={(files) => onUpload(files, 'idx-images')}
      />
      <FilePicker
        label="Labels file"
        chosen={form.labels}
        desktop={desktop}
        buttonText="Choose the labels file…"
        error={problems['idx-labels']}
        busy={busy}
        onDesktopChoose={() => void choose('labels')}
        onUpload={(files) => onUpload(files, 'idx-labels')}
      />
      <NumberField
        label="Examples to use"
        hint={`Leave empty for all; at least ${IDX_LIMIT_MIN}.`}
        value={form.limit}
        error={limit.ok ? undefined : limit.message}
        min={IDX_LIMIT_MIN}
        onChange={(text) => update('idx', { limit: text }, true)}
      />
    </div>
  );
}

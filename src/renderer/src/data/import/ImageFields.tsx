import { describeError, useApi } from '../../api';
import { IMAGE_SIZE, imageHeightCheck, imageWidthCheck } from '../model/import-forms';
import { NumberField } from '../NumberField';
import { chooseOnDesktop } from './choose-on-desktop';
import { CameraCapture } from './CameraCapture';
import { Choice } from './Choice';
import type { FieldsProps } from './fields';
import { FilePicker } from './FilePicker';

/** An image folder with one subfolder per class: the folder, the size to scale to, colour. */
export function ImageFields({
  forms,
  desktop,
  busy,
  problems,
  setProblem,
  update,
  onUpload,
}: FieldsProps) {
  const api = useApi();
  const form = forms.images;
  const height = imageHeightCheck(form);
  const width = imageWidthCheck(form);
  const chooseFolder = async () => {
    try {
      const picked = await chooseOnDesktop(api, 'folder');
      if (picked) update('images', { folder: picked });
    } catch (error) {
      setProblem('images', describeError(error));
    }
  };
  return (
    <div className="data-form">
      <p className="data-hint">
        A folder with one subfolder per class (for example cats/ and dogs/), each holding PNG or
        JPEG images{desktop ? '' : '; upload it as a .zip'}.
      </p>
      <FilePicker
        label={desktop ? 'Image folder' : 'Image folder (.zip)'}
        chosen={form.folder}
        desktop={desktop}
        accept=".zip,application/zip"
        buttonText={desktop ? 'Choose a folder…' : 'Upload a .zip…'}
        error={problems.images}
        busy={busy}
        onDesktopChoose={() => void chooseFolder()}
        onUpload={(files) => onUpload(files, 'images')}
      />
      <div className="data-field-pair">
        <NumberField
          label="Height (pixels)"
          value={form.height}
          error={height.ok ? undefined : height.message}
          min={IMAGE_SIZE.min}
          max={IMAGE_SIZE.max}
          onChange={(text) => update('images', { height: text }, true)}
        />
        <NumberField
          label="Width (pixels)"
          value={form.width}
          error={width.ok ? undefined : width.message}
          min={IMAGE_SIZE.min}
          max={IMAGE_SIZE.max}
          onChange={(text) => update('images', { width: text }, true)}
        />
      </div>
      <Choice
        label="Colour"
        value={form.color}
        options={[
          ['grayscale', 'Grayscale (1 channel)'],
          ['rgb', 'Colour (3 channels, RGB)'],
        ]}
        onChange={(color) => update('images', { color })}
      />
      <CameraCapture
        busy={busy}
        colour={form.color === 'rgb'}
        onImages={(zip) => onUpload([zip], 'images')}
      />
    </div>
  );
}

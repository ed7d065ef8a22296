import { useRef, useState } from 'react';
import { describeError, useApi } from '../api';
import { navigate } from '../routes';
import { readFileAsBase64 } from './read-file';

interface ImportModelButtonProps {
  /** Says what went wrong, in the screen's banner. */
  readonly onProblem: (message: string) => void;
}

/**
 * "Import a trained TensorFlow.js model…": the student picks model.json with its weights
 * file(s), or the zip Neurite's TF.js export gives; the network opens as a new project whose
 * training goes on from the model's weights.
 */
export function ImportModelButton({ onProblem }: ImportModelButtonProps) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState<string>();

  const importModel = async (files: readonly File[]) => {
    const names = files.map((file) => file.name).join(', ');
    setImporting(names);
    try {
      const project = await api.call('projects.importModel', {
        files: await Promise.all(
          files.map(async (file) => ({
            fileName: file.name,
            base64: await readFileAsBase64(file),
          })),
        ),
      });
      navigate({ screen: 'project', projectId: project.id, tab: 'network' });
    } catch (error) {
      onProblem(describeError(error, `“${names}” could not be imported.`));
    } finally {
      setImporting(undefined);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={importing !== undefined}
        title="Pick a model.json together with its weights file (weights.bin), or the zip that Neurite's TensorFlow.js export gives. The network becomes a new project that trains on from what the model learnt."
        onClick={() => input.current?.click()}
      >
        {importing !== undefined ? 'Importing the model…' : 'Import a trained TensorFlow.js model…'}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        aria-label="Trained TensorFlow.js model to import"
        accept=".zip,.json,.bin"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) void importModel(files);
        }}
      />
    </>
  );
}

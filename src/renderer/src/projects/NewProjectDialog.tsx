import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { describeError, useApi, useApiQuery } from '../api';
import { Dialog } from '../components/Dialog';
import { DialogForm } from '../components/DialogForm';
import { FieldError, TextField } from '../components/Field';

type TemplateEntry = ApiOutput<'templates.list'>[number];

interface NewProjectDialogProps {
  readonly onClose: () => void;
  readonly onCreated: (projectId: string) => void;
}

const EMPTY = '';

/** Start a project: pick a template from the gallery (or an empty canvas) and name it. */
export function NewProjectDialog({ onClose, onCreated }: NewProjectDialogProps) {
  const api = useApi();
  const listing = useApiQuery('templates.list', {});
  const templates: readonly TemplateEntry[] | undefined = listing.data;
  const [chosen, setChosen] = useState<string>(EMPTY);
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [createProblem, setCreateProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const problem =
    createProblem ??
    (listing.error === undefined
      ? undefined
      : describeError(listing.error, 'The templates could not be listed.'));

  const choose = (id: string) => {
    setChosen(id);
    if (!nameEdited) setName(templates?.find((t) => t.id === id)?.name ?? '');
  };

  const finalName = name.trim() || 'Untitled network';
  const create = async () => {
    setBusy(true);
    try {
      const project = await api.call('projects.create', {
        name: finalName,
        ...(chosen !== EMPTY ? { template: chosen } : {}),
      });
      onCreated(project.id);
    } catch (error) {
      setCreateProblem(describeError(error, 'The project could not be created.'));
      setBusy(false);
    }
  };

  return (
    <Dialog title="New project" onClose={onClose} wide>
      <DialogForm
        className="new-project"
        submitLabel="Create project"
        busy={busy}
        onSubmit={create}
        onCancel={onClose}
      >
        <fieldset className="template-gallery">
          <legend>Start from</legend>
          <TemplateOption
            id={EMPTY}
            name="Empty network"
            description="A blank canvas: drag layers from the palette and connect them."
            checked={chosen === EMPTY}
            onChoose={choose}
          />
          {templates?.map((t) => (
            <TemplateOption
              key={t.id}
              id={t.id}
              name={t.name}
              description={t.description}
              checked={chosen === t.id}
              onChoose={choose}
            />
          ))}
          {!templates && !problem && <p className="loading">Reading the templates…</p>}
        </fieldset>
        <TextField
          label="Project name"
          value={name}
          placeholder="Untitled network"
          onChange={(value) => {
            setName(value);
            setNameEdited(true);
          }}
        />
        <FieldError problem={problem} />
      </DialogForm>
    </Dialog>
  );
}

interface TemplateOptionProps {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly checked: boolean;
  readonly onChoose: (id: string) => void;
}

function TemplateOption({ id, name, description, checked, onChoose }: TemplateOptionProps) {
  return (
    <label className={`template-option${checked ? ' template-option-checked' : ''}`}>
      <input
        type="radio"
        name="template"
        value={id}
        checked={checked}
        onChange={() => onChoose(id)}
      />
      <span className="template-option-name">{name}</span>
      <span className="template-option-description">{firstSentences(description)}</span>
    </label>
  );
}

/** Template descriptions can run to paragraphs; the gallery shows the opening. */
function firstSentences(text: string, limit = 220): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf('. ', limit);
  return cut > 80 ? text.slice(0, cut + 1) : `${text.slice(0, limit).trimEnd()}…`;
}

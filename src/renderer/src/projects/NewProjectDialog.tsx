import { Fragment, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { describeError, useApi, useApiQuery } from '../api';
import { Dialog } from '../components/Dialog';
import { DialogForm } from '../components/DialogForm';
import { FieldError, TextField } from '../components/Field';
import { TemplatePicture } from './TemplatePicture';

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
          {templates?.map((t, index) => (
            <Fragment key={t.id}>
              {startsTopic(templates, index) && <h3 className="template-topic">{t.topic}</h3>}
              <TemplateOption
                id={t.id}
                name={t.name}
                description={t.description}
                checked={chosen === t.id}
                onChoose={choose}
                layers={t.layers}
                recommended={t.recommended}
              />
            </Fragment>
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

/**
 * Whether the template at `index` opens a topic of the course: the recommended one stands
 * alone at the top, under "Start here"; the others are grouped by the course's topics.
 */
function startsTopic(templates: readonly TemplateEntry[], index: number): boolean {
  const here = templates[index]!;
  const before = templates[index - 1];
  if (here.recommended) return false;
  return before === undefined || before.recommended || before.topic !== here.topic;
}

interface TemplateOptionProps {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly checked: boolean;
  readonly onChoose: (id: string) => void;
  readonly layers?: readonly string[];
  readonly recommended?: boolean;
}

function TemplateOption({
  id,
  name,
  description,
  checked,
  onChoose,
  layers,
  recommended = false,
}: TemplateOptionProps) {
  return (
    <label className={`template-option${checked ? ' template-option-checked' : ''}`}>
      <input
        type="radio"
        name="template"
        value={id}
        checked={checked}
        onChange={() => onChoose(id)}
      />
      {layers && <TemplatePicture layers={layers} />}
      <span className="template-option-words">
        <span className="template-option-name">
          {name}
          {recommended && <span className="template-option-start"> Start here</span>}
        </span>
        <span className="template-option-description">{firstSentences(description)}</span>
      </span>
    </label>
  );
}

/** Template descriptions can run to paragraphs; the gallery shows the opening. */
function firstSentences(text: string, limit = 220): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf('. ', limit);
  return cut > 80 ? text.slice(0, cut + 1) : `${text.slice(0, limit).trimEnd()}…`;
}

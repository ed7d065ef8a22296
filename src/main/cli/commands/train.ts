import { checkOutputFolder } from '../../data/output-folder';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILT_IN_DATASETS } from '../../../shared/data/dataset-spec';
import { SAVED_MODEL_FILES } from '../../../shared/training/saved-run';
import { trainingJobSchema } from '../../../shared/training/commands';
import type { TrainingJob, TrainingJobInput } from '../../../shared/training/commands';
import { describeIssue, formatPath } from '../../../shared/graph/problems';
import { startTrainer } from '../../services/workers/trainer-host';
import { defaultWorkerEntry } from '../../services/workers/worker-entry';
import { parseDataArgument } from '../data-argument';
import type { CliIO } from '../io';
import { EXIT_INVALID, EXIT_OK, EXIT_OUTPUT_CLOSED, EXIT_USAGE } from '../io';
import type { TemplateMatch } from '../template-of';
import { templateOf } from '../template-of';
import type { NetworkFile, ProjectOfFile } from '../network-file';
import { NetworkFileError, readNetworkFile } from '../network-file';
import { templateDefaults } from '../../../shared/training/template-defaults';
import { defaultResourcesDir } from '../../services/resources-dir';
import { describeEvent } from '../progress';
import type { EpochRecord } from '../../../shared/api/records';
import { epochRecordOf, writeSavedHistory } from '../../results/saved-history';

/** Option help wrapped at 92 columns, continued under the text of the line above. */
function wrapOptionText(text: string): string {
  const indent = ' '.repeat(24);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > 92) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}

export const TRAIN_USAGE = `Usage: neurite train <network.json> [--data <data>] [options]

Trains a network in its own process and saves the model and its metrics. A project file the
app exports (.neurite.json or .neurite) trains its network with the data set and settings saved
in it; a network made from a template (its file named after it, or its name unchanged) with the
template's data set and settings, as in the app. The options below override them.
  --data <data>         ${wrapOptionText(
    `a built-in set (${BUILT_IN_DATASETS.join(', ')}), a .csv/.tsv file, a folder with one subfolder of images per class, an IDX images file, or a .json data spec`,
  )}
  --target <column>     CSV: the column to predict (name or 0-based index; default the last),
                        or several separated by commas (y1,y2,y3): a sequence of numbers
  --epochs <n>          passes over the training data (default 20, or the template's)
  --batch-size <n|full> examples per step; 1 = stochastic, full = batch gradient descent
  --optimizer <name>    sgd, adagrad, rmsprop or adam (default adam)
  --lr <rate>           learning rate
  --seed <n>            same seed, same backend: same weights and same curves (default 42)
  --validation <f|none> fraction held out for validation (default 0.2)
  --test <f|none|dataset>  fraction held out for a final test, or the data set's own test part
  --stratify            held-out parts and k folds keep each class's share of the examples
  --config <file.json>  any training options as JSON (the flags above override it)
  --backend <name>      auto, tensorflow-gpu, webgpu, tensorflow, wasm or cpu (default auto)
  --out <folder>        save model.json, weights.bin, metrics.json and history.json there
  --start-from <folder> start from the weights of a saved model folder (what --out or neurite
                        import writes) instead of fresh ones, in every layer they fit; a
                        layer's "trainable": false in the network keeps it as it is
  --json                print one JSON object per training event instead of progress, with
                        the saliency maps and decision boundary after epochs ("inside"
                        events; progress alone leaves them out, unless the --config file
                        sets "liveInside")
Exit code: 0 trained, 1 training failed, 2 wrong usage, 130 stopped with Ctrl+C,
141 stopped because whatever read the output closed it.
`;

const EXIT_STOPPED = 130;

export async function trainCommand(args: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        target: { type: 'string' },
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        optimizer: { type: 'string' },
        lr: { type: 'string' },
        seed: { type: 'string' },
        validation: { type: 'string' },
        test: { type: 'string' },
        config: { type: 'string' },
        backend: { type: 'string' },
        out: { type: 'string' },
        'start-from': { type: 'string' },
        json: { type: 'boolean', default: false },
        stratify: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${TRAIN_USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(TRAIN_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    io.stderr(`neurite train needs one network file.\n\n${TRAIN_USAGE}`);
    return EXIT_USAGE;
  }

  let job;
  let template: TemplateMatch | undefined;
  let project: ProjectOfFile | undefined;
  try {
    ({ job, template, project } = await buildJob(positionals[0]!, values));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  if (project && !values.json) {
    io.stdout(
      `Training the project "${project.name}" with the data set and settings saved in it; options given here override them.\n`,
    );
    for (const note of project.dropped) io.stdout(`${note}\n`);
  }
  if (template && !values.json) {
    io.stdout(
      `Training with the data set and settings of the "${template.name}" template; options given here override them.\n`,
    );
  }

  // A folder that cannot take the model is said now, not after the training it would waste.
  if (job.outDir) {
    try {
      await checkOutputFolder(job.outDir);
    } catch (error) {
      io.stderr(`${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
  }

  const entry = defaultWorkerEntry();
  // The numbers of every epoch, kept beside the model (history.json) for its curves.
  const history: EpochRecord[] = [];
  const trainer = startTrainer(job, {
    entry: entry.entry,
    execArgv: entry.execArgv,
    onEvent: (event) => {
      if (event.type === 'epoch') history.push(epochRecordOf(event));
      if (values.json) io.stdout(`${JSON.stringify(event)}\n`);
      else {
        const text = describeEvent(event, io.isTTY);
        // Failures go to stderr, so scripts that keep stdout still see them.
        if (text) (event.type === 'failed' ? io.stderr : io.stdout)(text);
      }
    },
  });
  // The first Ctrl+C (or SIGTERM) stops cleanly: the weights so far are saved with --out. The
  // trainer ignores the terminal's SIGINT itself, so it is this stop that ends it. A second
  // signal does not wait.
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    if (interrupts === 1) trainer.send({ type: 'stop' });
    else trainer.kill();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  // Nobody reads the progress any more: stop cleanly (what --out asks for is still saved).
  let outputClosed = false;
  io.onStdoutClosed?.(() => {
    outputClosed = true;
    trainer.send({ type: 'stop' });
  });
  try {
    const final = await trainer.done;
    if (final.type !== 'failed' && final.outDir) await writeSavedHistory(final.outDir, history);
    if (outputClosed) return EXIT_OUTPUT_CLOSED;
    if (final.type === 'finished') return EXIT_OK;
    return final.type === 'stopped' ? EXIT_STOPPED : EXIT_INVALID;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

type TrainFlags = Record<string, string | boolean | undefined>;

async function buildJob(
  file: string,
  flags: TrainFlags,
): Promise<{
  job: TrainingJob;
  template: TemplateMatch | undefined;
  project: ProjectOfFile | undefined;
}> {
  let network: NetworkFile;
  let graph: unknown;
  try {
    network = await readNetworkFile(file);
    graph = JSON.parse(network.text);
  } catch (error) {
    if (error instanceof NetworkFileError && (error.unreadable || error.issues.length === 0))
      throw error;
    throw new Error(
      `Cannot read "${file}": ${(error as Error).message}. Run "neurite inspect ${file}" to see what is wrong.`,
      { cause: error },
    );
  }
  const project = network.project;
  // A project file trains with the data set and settings saved in it, as the app would; a
  // network file with those of the template it was made from.
  const template = project ? undefined : await templateOf(file, graph, defaultResourcesDir());
  const projectTemplate = project?.settings.template
    ? templateDefaults(project.settings.template)
    : undefined;
  const saved = project
    ? { training: project.settings.training, data: project.settings.data ?? projectTemplate?.data }
    : template?.defaults;
  // The saved settings, then the options file, then the flags: each overrides the last.
  const config: Record<string, unknown> = {
    ...(saved?.training ?? {}),
    ...(flags['config'] ? await readJsonObject(String(flags['config'])) : {}),
  };
  const number = (name: string): number | undefined => {
    const raw = flags[name];
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value))
      throw new Error(`--${name} must be a number (got "${String(raw)}").`);
    return value;
  };
  const epochs = number('epochs');
  if (epochs !== undefined) config['epochs'] = epochs;
  const seed = number('seed');
  if (seed !== undefined) config['seed'] = seed;
  if (flags['batch-size'] !== undefined)
    config['batchSize'] = flags['batch-size'] === 'full' ? 'full' : number('batch-size');
  // Another optimizer starts from its own defaults: the settings of one do not fit another.
  const optimizer: Record<string, unknown> =
    flags['optimizer'] !== undefined
      ? { type: flags['optimizer'] }
      : { ...((config['optimizer'] as Record<string, unknown> | undefined) ?? { type: 'adam' }) };
  const lr = number('lr');
  if (lr !== undefined) optimizer['learningRate'] = lr;
  config['optimizer'] = optimizer;
  if (flags['stratify'] === true) config['stratify'] = true;
  // The progress lines do not show the live maps, so they are not computed for them.
  if (flags['json'] !== true && config['liveInside'] === undefined) config['liveInside'] = false;
  config['validation'] = splitFlag(flags['validation'], config['validation']);
  config['test'] = splitFlag(flags['test'], config['test']);

  const data =
    flags['data'] !== undefined
      ? parseDataArgument(String(flags['data']), {
          target: typeof flags['target'] === 'string' ? flags['target'] : undefined,
        })
      : saved?.data;
  if (!data) {
    throw new Error(
      project
        ? `neurite train needs --data: the project "${project.name}" has no data set chosen yet. Pass a built-in set, a CSV file, a folder of images or an IDX file with --data.\n\n${TRAIN_USAGE}`
        : template
          ? `neurite train needs --data: no built-in data set fits the "${template.name}" template. Pass a CSV file, a folder of images or an IDX file with --data.\n\n${TRAIN_USAGE}`
          : `neurite train needs --data: say which data set to train on.\n\n${TRAIN_USAGE}`,
    );
  }
  const input: TrainingJobInput = {
    graph,
    data,
    config: config,
    backend:
      (flags['backend'] as TrainingJobInput['backend']) ?? project?.settings.backend ?? 'auto',
    ...(flags['out'] ? { outDir: String(flags['out']) } : {}),
    ...(flags['start-from']
      ? { startingWeights: startingFolder(String(flags['start-from'])) }
      : {}),
  };
  const parsed = trainingJobSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${formatPath(issue.path)}: ${describeIssue(issue, input)}`,
    );
    throw new Error(`These training options are not valid:\n${problems.join('\n')}`);
  }
  return { job: parsed.data, template, project };
}

/** A saved model folder whose weights a run starts from: it needs model.json and weights.bin. */
function startingFolder(folder: string): string {
  const missing = [SAVED_MODEL_FILES.topology, SAVED_MODEL_FILES.weights].filter(
    (name) => !existsSync(path.join(folder, name)),
  );
  if (missing.length > 0) {
    throw new Error(
      `--start-from needs a saved model folder (what neurite train --out or neurite import writes), but "${folder}" has no ${missing.join(' and no ')}.`,
    );
  }
  return path.resolve(folder);
}

function splitFlag(flag: string | boolean | undefined, fallback: unknown): unknown {
  if (flag === undefined) return fallback;
  if (flag === 'none') return { kind: 'none' };
  if (flag === 'dataset') return { kind: 'dataset' };
  return { kind: 'split', fraction: Number(flag) };
}

async function readJsonObject(file: string): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch (error) {
    throw new Error(`Cannot read the training options in "${file}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  throw new Error(`"${file}" must hold a JSON object of training options.`);
}

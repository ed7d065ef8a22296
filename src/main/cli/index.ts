import { inspectCommand, INSPECT_USAGE } from './commands/inspect';
import { trainCommand } from './commands/train';
import type { CliIO } from './io';
import { EXIT_OK, EXIT_USAGE, processIO } from './io';

type Command = (args: readonly string[], io: CliIO) => Promise<number>;

const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  inspect: {
    run: inspectCommand,
    summary: 'check a network file and list its layers, shapes and parameters',
  },
  train: {
    run: trainCommand,
    summary: 'train a network on a data set and save the model and its metrics',
  },
  predict: {
    run: async (args, io) => (await import('./commands/predict')).predictCommand(args, io),
    summary: "compute a model's outputs for examples you give or for a data set",
  },
  evaluate: {
    run: async (args, io) => (await import('./commands/evaluate')).evaluateCommand(args, io),
    summary: 'loss, metrics and confusion matrix of a model on a data set',
  },
  explain: {
    run: async (args, io) => (await import('./commands/explain')).explainCommand(args, io),
    summary: 'saliency, SmoothGrad, Integrated Gradients or Grad-CAM maps of examples',
  },
  import: {
    run: async (args, io) => (await import('./commands/import')).importCommand(args, io),
    summary: 'read a trained TensorFlow.js model (model.json and weights, or a zip) as a network',
  },
  export: {
    run: async (args, io) => (await import('./commands/export')).exportCommand(args, io),
    summary:
      'write a trained model for TF.js, ONNX, PyTorch or Keras, or its test predictions and figures',
  },
  grade: {
    run: async (args, io) => (await import('./commands/grade')).gradeCommand(args, io),
    summary: "grade students' lab submissions: goals checked again, figures recomputed",
  },
  doctor: {
    run: async (args, io) => (await import('./commands/doctor')).doctorCommand(args, io),
    summary: 'say which training backend runs here, and why faster ones do not',
  },
  serve: {
    run: async (args, io) => (await import('../server/serve-command')).serveCommand(args, io),
    summary: 'open Neurite in a web browser on this computer',
  },
};

function usage(): string {
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
    .join('\n');
  return `Neurite: build, train and inspect neural networks.\n\nUsage: neurite <command> [options]\n\nCommands:\n${list}\n\nRun "neurite <command> --help" for a command's options.\n`;
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Unknown command "${name}".\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`neurite ${name} failed unexpectedly: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
}

export { INSPECT_USAGE, processIO };

// Run when executed as the CLI entry (bin/neurite.js), not when imported by tests.
if (require.main === module) {
  void runCli(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}

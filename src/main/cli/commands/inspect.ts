import { parseArgs } from 'node:util';
import { findKind } from '../../../shared/catalog/registry';
import type { GraphDocument } from '../../../shared/graph/document';
import { parseGraphDocument } from '../../../shared/graph/parse';
import type { DocumentProblem } from '../../../shared/graph/problems';
import type { GraphAnalysis, GraphIssue } from '../../../shared/inference/analyze';
import { analyzeGraph } from '../../../shared/inference/analyze';
import { formatBytes, formatCount, memoryToRun } from '../../../shared/inference/memory';
import { formatShape, withBatch } from '../../../shared/shapes/shape';
import type { CliIO } from '../io';
import type { NetworkFile } from '../network-file';
import { NetworkFileError, readNetworkFile } from '../network-file';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../io';
import { renderTable } from '../text-table';

export const INSPECT_USAGE = `Usage: neurite inspect <file> [--json]

Checks a network file (.json), or the network of a project file the app exports (.neurite.json
or .neurite), and lists its layers with their output shapes and parameter counts.
  --json   print the result as JSON instead of a table
Exit code: 0 valid, 1 the network has errors, 2 the file could not be read.
`;

export async function inspectCommand(args: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${INSPECT_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    io.stdout(INSPECT_USAGE);
    return EXIT_OK;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.stderr(`neurite inspect takes exactly one file.\n\n${INSPECT_USAGE}`);
    return EXIT_USAGE;
  }
  const json = parsed.values.json;

  let network: NetworkFile;
  try {
    network = await readNetworkFile(file);
  } catch (error) {
    if (!(error instanceof NetworkFileError)) throw error;
    // A project file whose network is broken lists the network's problems, as a network does.
    if (!error.unreadable && error.issues.length > 0) {
      if (json)
        io.stdout(
          `${JSON.stringify({ file, valid: false, error: error.message, problems: error.issues }, null, 2)}\n`,
        );
      else io.stderr(formatProblems(file, error.issues));
      return EXIT_INVALID;
    }
    if (json)
      io.stdout(`${JSON.stringify({ file, valid: false, error: error.message }, null, 2)}\n`);
    else io.stderr(`${error.message}\n`);
    return error.unreadable ? EXIT_USAGE : EXIT_INVALID;
  }

  const result = parseGraphDocument(network.text);
  if (!result.ok) {
    if (json)
      io.stdout(`${JSON.stringify({ file, valid: false, problems: result.problems }, null, 2)}\n`);
    else io.stderr(formatProblems(file, result.problems));
    return EXIT_INVALID;
  }
  const analysis = analyzeGraph(result.document);
  const valid = analysis.errorCount === 0;
  if (json)
    io.stdout(`${JSON.stringify(inspectionJson(file, result.document, analysis), null, 2)}\n`);
  else io.stdout(formatInspection(result.document, analysis));
  return valid ? EXIT_OK : EXIT_INVALID;
}

function formatProblems(file: string, problems: readonly DocumentProblem[]): string {
  const lines = problems.map((p) => `  ✗ ${p.path ? `${p.path}: ` : ''}${p.message}`);
  return `${file} is not a valid Neurite network (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}\n`;
}

/** Nodes in the order data flows through them, then any that could not be ordered. */
function layerOrder(document: GraphDocument, analysis: GraphAnalysis): string[] {
  const ordered = new Set(analysis.order);
  return [...analysis.order, ...document.nodes.map((n) => n.id).filter((id) => !ordered.has(id))];
}

function formatInspection(document: GraphDocument, analysis: GraphAnalysis): string {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const rows = layerOrder(document, analysis).map((id) => {
    const node = byId.get(id)!;
    const info = analysis.nodes.get(id)!;
    const kind = findKind(node.kind);
    const flag = info.issues.some((i) => i.severity === 'error') ? ' ✗' : '';
    const params = info.params.trainable + info.params.nonTrainable;
    return [
      `${node.label ?? node.id}${flag}`,
      node.kind,
      kind ? kind.describe(node.params) : '',
      info.output ? formatShape(info.output.shape) : '—',
      formatCount(params),
    ];
  });
  const table = renderTable(
    [
      { title: 'Layer' },
      { title: 'Kind' },
      { title: 'Settings' },
      { title: 'Output shape' },
      { title: 'Parameters', align: 'right' },
    ],
    rows,
  );
  const { totals } = analysis;
  const summary = [
    `Total parameters:         ${formatCount(totals.total)} (${formatBytes(totals.parameterBytes)})`,
    `Trainable parameters:     ${formatCount(totals.trainable)}`,
    `Non-trainable parameters: ${formatCount(totals.nonTrainable)}`,
    // The figure the editor and the template browser show (see memoryToRun).
    `Memory to run:            ${formatBytes(memoryToRun(totals))} (the weights and one example's layer outputs)`,
  ].join('\n');
  const issues = analysis.issues.map(formatIssue).join('\n');
  const verdict =
    analysis.errorCount === 0
      ? `The network is valid${analysis.warningCount > 0 ? `, with ${analysis.warningCount} warning${analysis.warningCount === 1 ? '' : 's'}` : ''}.`
      : `The network has ${analysis.errorCount} error${analysis.errorCount === 1 ? '' : 's'}; fix ${analysis.errorCount === 1 ? 'it' : 'them'} before training.`;
  return `${document.metadata.name}\n\n${table}\n${summary}\n${issues ? `\n${issues}\n` : ''}\n${verdict}\n`;
}

function formatIssue(issue: GraphIssue): string {
  return `${issue.severity === 'error' ? '✗ error' : '! warning'}: ${issue.message}`;
}

function inspectionJson(file: string, document: GraphDocument, analysis: GraphAnalysis) {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  return {
    file,
    name: document.metadata.name,
    valid: analysis.errorCount === 0,
    layers: layerOrder(document, analysis).map((id) => {
      const node = byId.get(id)!;
      const info = analysis.nodes.get(id)!;
      return {
        id,
        ...(node.label !== undefined ? { label: node.label } : {}),
        kind: node.kind,
        settings: findKind(node.kind)?.describe(node.params) ?? '',
        outputShape: info.output ? withBatch(info.output.shape) : null,
        params: {
          trainable: info.params.trainable,
          nonTrainable: info.params.nonTrainable,
          total: info.params.trainable + info.params.nonTrainable,
        },
      };
    }),
    totals: analysis.totals,
    issues: analysis.issues,
  };
}

#!/usr/bin/env node
// The `neurite` command. It runs the bundle that `npm run build` writes to out/main/cli.js.
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'The neurite command is not built yet. Run "npm run build" in the Neurite folder first.\n',
  );
  process.exit(2);
}
const { runCli, processIO } = require(bundle);
runCli(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
});

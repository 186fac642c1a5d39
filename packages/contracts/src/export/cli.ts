import { readFileSync, writeFileSync } from 'node:fs';
import { writeExport } from './write';
import { replaceGeneratedBlock } from './generated-block';
import { topologyMarkdown } from './topology-table';
import pkg from '../../package.json';

// usage: node export/cli.js <output folder> [markdown file with a topology block to refresh]
const [outDir, architectureDoc] = process.argv.slice(2);
if (!outDir) {
  process.stderr.write('usage: node export/cli.js <output folder> [architecture.md]\n');
  process.exit(2);
}
const written = writeExport(outDir, pkg.version);
process.stdout.write(`wrote ${written.length} files to ${outDir}\n`);
if (architectureDoc) {
  writeFileSync(
    architectureDoc,
    replaceGeneratedBlock(readFileSync(architectureDoc, 'utf8'), 'topology', topologyMarkdown()),
  );
  process.stdout.write(`refreshed the topology block of ${architectureDoc}\n`);
}

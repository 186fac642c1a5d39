import { writeExport } from './write';
import pkg from '../../package.json';

const outDir = process.argv[2];
if (!outDir) {
  process.stderr.write('usage: node export/cli.js <output folder>\n');
  process.exit(2);
}
const written = writeExport(outDir, pkg.version);
process.stdout.write(`wrote ${written.length} files to ${outDir}\n`);

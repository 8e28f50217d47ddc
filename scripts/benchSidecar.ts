// `npm run bench` entry for the sidecar store: prints each timing beside its budget; exit 1 if over.
import { benchSidecar, formatBench } from '../bench/sidecarBench';

const rows = benchSidecar();
process.stdout.write(formatBench(rows) + '\n');
process.exitCode = rows.every((r) => r.ms <= r.budgetMs) ? 0 : 1;

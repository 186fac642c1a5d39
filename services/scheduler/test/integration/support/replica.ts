// A scheduler replica in its own process, so a test can SIGKILL it mid-run.
import { parseConfig } from '@docflow/platform';
import { schedulerConfigSchema, startScheduler } from '../../../src/main';
import { probeJob } from './probe-job';

const owner = process.env.REPLICA_OWNER ?? 'replica';
void startScheduler(parseConfig(schedulerConfigSchema), {
  owner,
  jobs: ({ mongo }) => [probeJob(mongo.db, owner, { hang: process.env.PROBE_HANG === '1' })],
}).then(() => process.stdout.write('ready\n'));

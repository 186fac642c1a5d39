import { parseConfig, runMain } from '@docflow/platform';
import { configSchema } from './config';
import { startPublisher } from './publisher-service';

runMain(() => startPublisher(parseConfig(configSchema)));

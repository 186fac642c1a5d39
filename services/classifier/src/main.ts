import { parseConfig, runMain } from '@docflow/platform';
import { startClassifier } from './classifier-service';
import { configSchema } from './config';

runMain(() => startClassifier(parseConfig(configSchema)));

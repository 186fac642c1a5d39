import { writeFileSync } from 'node:fs';
import { ALERTS_FILE, PROMETHEUS_RULE_FILE, prometheusRuleYaml } from './prometheus-rule';
import { readRepoFile, repoPath } from './repo';

// Regenerates the PrometheusRule from the compose rule file.
writeFileSync(repoPath(PROMETHEUS_RULE_FILE), prometheusRuleYaml(readRepoFile(ALERTS_FILE)));
process.stdout.write(`wrote ${PROMETHEUS_RULE_FILE}\n`);

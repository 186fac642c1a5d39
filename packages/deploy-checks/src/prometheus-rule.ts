import { parse, stringify } from 'yaml';

export const ALERTS_FILE = 'deploy/observability/prometheus/alerts.yml';
export const PROMETHEUS_RULE_FILE = 'deploy/k8s/components/monitoring/prometheus-rule.yaml';

interface RuleFile {
  groups: unknown[];
}

/** The PrometheusRule object carrying exactly the groups of the compose rule file. */
export function prometheusRuleFromAlerts(alertsYaml: string): Record<string, unknown> {
  const rules = parse(alertsYaml) as RuleFile;
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'docflow', labels: { 'app.kubernetes.io/part-of': 'docflow' } },
    spec: { groups: rules.groups },
  };
}

export function prometheusRuleYaml(alertsYaml: string): string {
  const header = `# Generated from ${ALERTS_FILE} by \`npm run -w @docflow/deploy-checks generate\`; do not edit.\n`;
  return header + stringify(prometheusRuleFromAlerts(alertsYaml), { lineWidth: 0 });
}

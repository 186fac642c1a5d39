import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  ALERTS_FILE,
  PROMETHEUS_RULE_FILE,
  ensureTool,
  prometheusRuleYaml,
  readRepoFile,
  repoPath,
} from '../../src';

const TESTS_FILE = 'deploy/observability/prometheus/alerts.test.yml';
const ISSUE_ALERTS = [
  'DocflowQueueDepthHigh',
  'DocflowStageErrorRateHigh',
  'DocflowStageLatencyHigh',
  'DocflowDeadLetterQueueGrowing',
  'DocflowServiceDown',
  'DocflowBreakerOpen',
  'DocflowSchedulerJobOverdue',
];

interface RuleFile {
  groups: { rules: { alert?: string }[] }[];
}
interface TestFile {
  tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
}

describe('alert rules', () => {
  let promtool: string;
  beforeAll(() => {
    promtool = ensureTool('promtool');
  }, 10 * 60_000);

  it('when promtool checks the rule file, then it is valid', () => {
    const out = execFileSync(promtool, ['check', 'rules', repoPath(ALERTS_FILE)], {
      encoding: 'utf8',
    });
    expect(out).toContain('SUCCESS');
  });

  it('when promtool runs the rule unit tests, then every test passes', () => {
    const out = execFileSync(promtool, ['test', 'rules', repoPath(TESTS_FILE)], {
      encoding: 'utf8',
    });
    expect(out).toContain('SUCCESS');
  });

  it('when the rules are listed, then every alert of the issue is there and has a firing test and a quiet test', () => {
    const rules = parse(readRepoFile(ALERTS_FILE)) as RuleFile;
    const alerts = rules.groups.flatMap((g) => g.rules.map((r) => r.alert)).filter(Boolean);
    expect([...alerts].sort()).toEqual([...ISSUE_ALERTS].sort());
    const tests = (parse(readRepoFile(TESTS_FILE)) as TestFile).tests.flatMap(
      (t) => t.alert_rule_test ?? [],
    );
    for (const alert of ISSUE_ALERTS) {
      const own = tests.filter((t) => t.alertname === alert);
      expect({ alert, fires: own.some((t) => t.exp_alerts.length > 0) }).toEqual({
        alert,
        fires: true,
      });
      expect({ alert, quiet: own.some((t) => t.exp_alerts.length === 0) }).toEqual({
        alert,
        quiet: true,
      });
    }
  });

  it('when the PrometheusRule is compared with the rule file, then it is the generated one', () => {
    // Compared as data: prettier may requote the generated YAML.
    expect(parse(readRepoFile(PROMETHEUS_RULE_FILE))).toEqual(
      parse(prometheusRuleYaml(readRepoFile(ALERTS_FILE))),
    );
  });

  it('when promtool checks the compose Prometheus config, then it is valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docflow-prom-'));
    const config = readRepoFile('deploy/observability/prometheus/prometheus.yml').replace(
      '/etc/prometheus/rules/alerts.yml',
      repoPath(ALERTS_FILE),
    );
    writeFileSync(join(dir, 'prometheus.yml'), config);
    const out = execFileSync(promtool, ['check', 'config', join(dir, 'prometheus.yml')], {
      encoding: 'utf8',
    });
    expect(out).toContain('SUCCESS');
  });
});

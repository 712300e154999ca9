import { describe, expect, it } from 'vitest';
import {
  decisionTable,
  MAX_COUNTED_KINDS,
  MAX_COUNTED_RULES_PER_KIND,
  OTHER,
} from '../../src/decisions/stats.js';

describe('decisionTable', () => {
  it('counts kinds apart up to the cap, then under (other), keeping totals exact', () => {
    const table = decisionTable(0);
    for (let index = 0; index < MAX_COUNTED_KINDS + 50; index++) table.count(`kind-${index}`, 'rule', 'drop');
    table.count('kind-0', 'rule', 'drop');
    const { kinds } = table.snapshot();
    expect(Object.keys(kinds)).toHaveLength(MAX_COUNTED_KINDS + 1);
    expect(kinds['kind-0']?.drop).toBe(2);
    expect(kinds[OTHER]).toEqual({ drop: 50, breadcrumb: 0, sampled: 0, surges: 0, rules: { rule: 50 } });
    const total = Object.values(kinds).reduce((sum, stats) => sum + stats.drop, 0);
    expect(total).toBe(MAX_COUNTED_KINDS + 51);
  });

  it('counts rules of a kind apart up to the cap, then under (other)', () => {
    const table = decisionTable(0);
    for (let index = 0; index < MAX_COUNTED_RULES_PER_KIND + 3; index++)
      table.count('noise', `rule-${index}`, 'breadcrumb');
    const rules = table.snapshot().kinds.noise?.rules ?? {};
    expect(Object.keys(rules)).toHaveLength(MAX_COUNTED_RULES_PER_KIND + 1);
    expect(rules[OTHER]).toBe(3);
  });

  it('lists each changed (kind, rule) once, however many decisions, and only the change since', () => {
    const table = decisionTable(0);
    expect(table.count('a', 'r', 'drop')).toBe(true);
    for (let index = 0; index < 99_999; index++) expect(table.count('a', 'r', 'drop')).toBe(false);
    table.count('a', 'r', 'surge');
    expect(table.takePending()).toEqual([
      { kind: 'a', rule: 'r', action: 'drop', delta: 100_000 },
      { kind: 'a', rule: 'r', action: 'surge', delta: 1 },
    ]);
    expect(table.takePending()).toEqual([]);
    expect(table.count('a', 'r', 'sampled')).toBe(true);
    expect(table.takePending()).toEqual([{ kind: 'a', rule: 'r', action: 'sampled', delta: 1 }]);
  });
});

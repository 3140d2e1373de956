// One record per rule (src/core/ruleRecords.ts): what is generated from the records matches them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINK_RULE_CODES } from '../../src/core';
import { RULE_RECORDS, type RuleRecord } from '../../src/core/ruleRecords';
import { RULE_OUTPUTS, readmeRuleTable } from '../../scripts/ruleOutputs';

const root = path.join(__dirname, '..', '..');

describe('the rule records', () => {
  it('have one record per code, each with its words', () => {
    assert.equal(new Set(RULE_RECORDS.map((r) => r.code)).size, RULE_RECORDS.length);
    for (const r of RULE_RECORDS as readonly RuleRecord[]) {
      assert.match(r.code, /^[a-z]+(-[a-z]+)+$/, r.code);
      assert.ok(r.description.endsWith('.'), r.code);
    }
  });

  it('name the link rules the engine runs as the link group, and no other', () => {
    assert.deepEqual(RULE_RECORDS.filter((r) => r.group === 'link').map((r) => r.code).sort(), [...LINK_RULE_CODES].sort());
  });

  for (const output of RULE_OUTPUTS) {
    it(`${output.path} is as \`npm run rules\` writes it from the records`, () => {
      const current = fs.readFileSync(path.join(root, output.path), 'utf8');
      // line by line, so that a failure shows the lines that differ
      assert.deepEqual(current.split('\n'), output.generate(current).split('\n'), `${output.path} is not as the rule records give it: run npm run rules`);
    });
  }

  it('write the README\'s rows with the anchors the diagnostics link to', () => {
    const table = readmeRuleTable([{ code: 'x-y', group: 'document', severity: 'info', description: 'A | B.', example: { bad: 'a`b', good: 'c' } }, { code: 'x-z', group: 'file', severity: 'warning', description: 'C.' }]);
    assert.deepEqual(table.split('\n').slice(-2), ['| <a id="rule-x-y"></a>`x-y` | info | A \\| B. | `` a`b `` | `c` |', '| <a id="rule-x-z"></a>`x-z` | warning | C. |  |  |']);
  });
});

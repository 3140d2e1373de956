// One record per rule (src/core/rules/ruleRecords.ts): what is generated from the records matches them,
// and every rule, whatever finds it, is reported at its record's severity unless the setting says
// otherwise, and not at all when it is off.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  followUpDiagnostics,
  followUps,
  LINK_RULE_CODES,
  parseReport,
  previousOf,
  parseReportUpTo,
  type Diagnostic,
  type FactsResult,
  type Link,
  type SeveritySettings,
} from '../../../../src/core';
import { factDiagnostics } from '../../../../src/core/facts/factRules';
import { messageHeaders } from '../../../../src/core/export/messageHeaders';
import { RULE_RECORDS, type RuleRecord } from '../../../../src/core/rules/ruleRecords';
import { RULE_OUTPUTS, readmeRuleTable } from '../../../../scripts/ruleOutputs';

const root = path.join(__dirname, '..', '..', '..', '..');

describe('the rule records', () => {
  it('have one record per code, each with its words', () => {
    assert.equal(new Set(RULE_RECORDS.map((r) => r.code)).size, RULE_RECORDS.length);
    for (const r of RULE_RECORDS as readonly RuleRecord[]) {
      assert.match(r.code, /^[a-z]+(-[a-z]+)+$/, r.code);
      assert.ok(r.description.endsWith('.'), r.code);
    }
  });

  it('name the link rules the engine runs as the link group, and no other', () => {
    assert.deepEqual(
      RULE_RECORDS.filter((r) => r.group === 'link')
        .map((r) => r.code)
        .sort(),
      [...LINK_RULE_CODES].sort(),
    );
  });

  for (const output of RULE_OUTPUTS) {
    it(`${output.path} is as \`npm run rules\` writes it from the records`, () => {
      const current = fs.readFileSync(path.join(root, output.path), 'utf8');
      // line by line, so that a failure shows the lines that differ
      assert.deepEqual(current.split('\n'), output.generate(current).split('\n'), `${output.path} is not as the rule records give it: run npm run rules`);
    });
  }

  it("write the README's rows with the anchors the diagnostics link to", () => {
    const table = readmeRuleTable([
      { code: 'x-y', group: 'document', severity: 'info', description: 'A | B.', example: { bad: 'a`b', good: 'c' } },
      { code: 'x-z', group: 'file', severity: 'warning', description: 'C.' },
    ]);
    assert.deepEqual(table.split('\n').slice(-2), [
      '| <a id="rule-x-y"></a>`x-y` | info | A \\| B. | `` a`b `` | `c` |',
      '| <a id="rule-x-z"></a>`x-z` | warning | C. |  |  |',
    ]);
  });
});

describe('rule severities', () => {
  const bigDraft = `- https://bugs.launchpad.net/nova/+bug/1\n${'- words and more words\n'.repeat(200)}`;
  const found = (state: FactsResult['state'], facts: Record<string, unknown> = {}) =>
    (state === 'found' ? { state, facts: { kind: 'review', ...facts } } : { state }) as FactsResult;
  const viaFacts = (url: string, result: FactsResult) => (severities: SeveritySettings) =>
    factDiagnostics(parseReport(`- ${url}\n`).links, (_: Link) => result, severities);
  const draft = (text: string) => (severities: SeveritySettings) => parseReport(text, { severities }).diagnostics;
  const message = (frontMatter: string) => (severities: SeveritySettings) =>
    messageHeaders(parseReport(`---\n${frontMatter}\n---\n\nHi\n`, { severities })).diagnostics;

  /** A draft naming its last report: that report's text, or why it could not be read. */
  const lastReport =
    ({ last, why }: { last?: string; why?: string }) =>
    (severities: SeveritySettings) => {
      const current = parseReport('---\nprevious: ../last.md\n---\n\nHi\n', { severities });
      return followUpDiagnostics(current, previousOf(current)!, last === undefined ? undefined : followUps(parseReport(last), current), why);
    };

  /** A draft (or a check) that reports each rule that is not a link's form. */
  const raisers: Record<string, (severities: SeveritySettings) => Diagnostic[]> = {
    'review-not-found': viaFacts('https://review.opendev.org/c/openstack/nova/+/9999999', found('not-found')),
    'review-abandoned': viaFacts('https://review.opendev.org/c/openstack/nova/+/283798', found('found', { status: 'ABANDONED' })),
    'bug-not-found': viaFacts('https://bugs.launchpad.net/neutron/+bug/99999999', found('not-found')),
    'bug-other-project': viaFacts(
      'https://bugs.launchpad.net/nova/+bug/1507499',
      found('found', { kind: 'bug', tasks: [{ target: 'neutron', name: 'neutron' }] }),
    ),
    'blueprint-not-found': viaFacts('https://blueprints.launchpad.net/neutron/+spec/nope', found('not-found')),
    'story-not-found': viaFacts('https://storyboard.openstack.org/#!/story/2004567', found('not-found')),
    'pull-request-not-found': viaFacts('https://github.com/octo-org/octo-repo/pull/999999', found('not-found')),
    'pull-request-closed': viaFacts(
      'https://github.com/octo-org/octo-repo/pull/7',
      found('found', { kind: 'pull-request', title: 'Try another way', status: 'closed' }),
    ),
    'merge-request-not-found': viaFacts('https://gitlab.com/gitlab-org/gitlab/-/merge_requests/99999999', found('not-found')),
    'merge-request-closed': viaFacts(
      'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/12',
      found('found', { kind: 'merge-request', title: 'Try another way', status: 'closed' }),
    ),
    'issue-not-found': viaFacts('https://github.com/octo-org/octo-repo/issues/999999', found('not-found')),
    'issue-link-is-pull-request': viaFacts(
      'https://github.com/octo-org/octo-repo/issues/12',
      found('found', { kind: 'pull-request', title: 'Add a flag', status: 'open' }),
    ),
    'commit-not-found': viaFacts('https://github.com/octo-org/octo-repo/commit/0123456789abcdef0123456789abcdef01234567', found('not-found')),
    'separator-opens-code-block': draft('Hi\n\n~~~~~~~\n\n- Topic\n'),
    'separator-pair': draft('Hi\n\n~~~~~~~\n\n- Topic https://x.org\n\n~~~~~~~\n'),
    'code-block-unclosed': draft('Text\n\n```python\nprint(1)\n'),
    'front-matter-unclosed': draft('---\nsubject: x\n\nHi\n'),
    'front-matter-invalid': draft('---\nsubject: [x\n---\n\nHi\n'),
    'nesting-too-deep': draft(`${'> '.repeat(120)}quoted\n`),
    'link-not-web': draft('See [the notes](notes.md).\n'),
    'link-text-number': draft('- [#58837](https://github.com/nodejs/node/pull/58873)\n'),
    'file-too-large': (severities) => parseReportUpTo(bigDraft, 1000, { severities }).diagnostics,
    'owner-unknown': draft('- armax and armax met.\n- arnax to respin the patch.\n'),
    'header-line-break': draft('---\nto: "list@example.org\\r\\nBcc: all@example.com"\n---\n\nHi\n'),
    'header-address-invalid': message('subject: x\nfrom: a@example.org\nto: Doe, Jane <jane@example.org>'),
    'header-date-invalid': message('subject: x\nfrom: a@example.org\ndate: next tuesday'),
    'header-subject-missing': message('from: a@example.org'),
    'header-from-missing': message('subject: x'),
    'follow-ups-open': lastReport({ last: '- Gate: armax to respin the patch.\n' }),
    'previous-unreadable': lastReport({ why: 'no such file' }),
  };
  const raise = (r: RuleRecord, severities: SeveritySettings) =>
    (r.group === 'link' ? draft(`- ${r.example!.bad}\n`) : raisers[r.code])(severities)
      .filter((d) => d.code === r.code)
      .map((d) => d.severity);

  /** Every diagnostic of the rule: the record's example for a link rule, with each malformed link of the fixtures. */
  const diagnosticsOf = (r: RuleRecord): Diagnostic[] =>
    (r.group === 'link' ? draft(`- ${r.example!.bad}\n${malformed.map((url) => `- ${url}\n`).join('')}`) : raisers[r.code])({}).filter(
      (d) => d.code === r.code,
    );
  const malformed = fs
    .readFileSync(path.join(root, 'test', 'fixtures', 'links', 'malformed.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(' ')[1].replace('|', ' '));

  for (const r of RULE_RECORDS as readonly RuleRecord[]) {
    it(`${r.code}: its messages are sentences in one style, naming the corrected link whole`, () => {
      const diagnostics = diagnosticsOf(r);
      assert.ok(diagnostics.length, `a draft that raises ${r.code}`);
      for (const d of diagnostics) {
        assert.match(d.message, /^[A-Z0-9]/, `sentence case: ${d.message}`);
        assert.match(d.message, /[.?]$/, `a full stop or a question: ${d.message}`);
        assert.doesNotMatch(d.message, / [?.,;:]/, `no space before punctuation: ${d.message}`);
        if (d.fix && /^https?:\/\//.test(d.fix.text)) assert.ok(d.message.includes(`<${d.fix.text}>`), `the corrected link, whole: ${d.message}`);
      }
    });

    it(`${r.code}: its record's ${r.severity} by default, the setting's when set, nothing when off`, () => {
      assert.ok(r.group === 'link' || raisers[r.code], `a draft that raises ${r.code}`);
      const other = r.severity === 'error' ? 'info' : 'error';
      assert.deepEqual(raise(r, {}), [r.severity]);
      assert.deepEqual(raise(r, { [r.code]: other }), [other]);
      assert.deepEqual(raise(r, { [r.code]: 'off' }), []);
    });
  }
});

describe('a draft larger than midcycle.maxFileSize', () => {
  const lines = Array.from({ length: 100 }, (_, i) => `- topic ${i} https://bugs.launchpad.net/nova/+bug/${i + 100}`);
  const text = `${lines.join('\r\n')}\r\n`;

  it('is read up to the last line break within the limit, and says so on the last line read', () => {
    const report = parseReportUpTo(text, 1000);
    const [d] = report.diagnostics;
    const lastRead = report.topics.length - 1;
    assert.equal(lastRead, 18);
    assert.match(report.topics[lastRead].title, /^topic 18\b/);
    assert.deepEqual(d.range, { start: { line: lastRead, character: 0 }, end: { line: lastRead, character: lines[lastRead].length } });
    assert.equal(d.message, 'This draft is 5 KB: Midcycle reads its topics and links only up to here (1 KB, the "midcycle.maxFileSize" setting).');
  });

  it('within the limit, is read whole with no such diagnostic', () => {
    const report = parseReportUpTo(text, text.length);
    assert.equal(report.topics.length, 100);
    assert.deepEqual(report.diagnostics, []);
  });
});

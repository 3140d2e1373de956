// The trackers beyond OpenStack's, as drafts of the communities that use them write their links
// (test/fixtures/trackers/): every item recognised with its kind and identifiers, every malformed
// form flagged with its fix, no well-formed form flagged; the hosts of the settings; the fast way
// for their well-formed links saying what the rules say; OpenStack's drafts never loading them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyFixes, checkLink, DEFAULT_LINK_HOSTS, parseReport, type Link, type LinkHosts } from '../../../../src/core';
import { factsRequest, DEFAULT_FACTS_APIS } from '../../../../src/core/facts/linkFacts';
import { canonicalCheck, ruleCheck } from '../../../../src/core/rules/linkRules/checkLink';
import { propertyOptions } from '../../helpers/propertyOptions';

const root = path.join(__dirname, '..', '..', '..', '..');
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test', 'fixtures', 'trackers', name), 'utf8');
/** What the outline says a link is: its kind, and what names it. */
const named = (l: Link) => [l.kind, l.item?.repository ?? l.review?.project, l.item?.key ?? l.item?.number ?? l.item?.commit ?? l.review?.change];

describe('the other trackers, in notes as their communities write them', () => {
  it('W3C minutes: GitHub issues (with comments), pull requests (their files, a review comment), a commit; Mozilla, WebKit and Chromium bugs; a Phabricator revision', () => {
    const report = parseReport(fixture('w3c-minutes.md'));
    assert.deepEqual(report.diagnostics, []);
    const items = report.links.filter((l) => l.kind !== 'other').map(named);
    assert.deepEqual(items, [
      ['issue', 'w3c/webextensions', 801],
      ['issue', 'w3c/webextensions', 790],
      ['issue', 'w3c/webextensions', 617],
      ['pull-request', 'w3c/webextensions', 792],
      ['issue', 'w3c/webextensions', 788],
      ['issue', 'w3c/webextensions', 790],
      ['bug', undefined, 1876214],
      ['review', undefined, 'D201234'],
      ['bug', undefined, 271234],
      ['bug', undefined, 40196501],
      ['bug', undefined, 40212345],
      ['pull-request', 'w3c/webextensions', 792],
      ['pull-request', 'w3c/webextensions', 792],
      ['pull-request', 'w3c/webextensions', 792],
      ['commit', 'w3c/webextensions', '3f1a2b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a'],
      ['bug', undefined, 1901234],
    ]);
    // the issue list, a search and a file are pages of GitHub, not items
    assert.deepEqual(
      report.links.filter((l) => l.kind === 'other').map((l) => l.url.replace('https://github.com/w3c/webextensions', '…')),
      ['…/issues', '…/issues?q=is%3Aopen+label%3Asupportive%3Achrome', '…/blob/main/charter.md#autonomy'],
    );
  });

  it("Node.js TSC notes: the repository's `#1735`, another's `nodejs/admin#912`, links named by their number", () => {
    const report = parseReport(fixture('nodejs-tsc.md'));
    assert.deepEqual(report.diagnostics, []);
    const short = report.links.filter((l) => l.item?.short);
    assert.deepEqual(
      short.map((l) => [l.raw, l.url, l.kind]),
      [
        ['#1735', 'https://github.com/nodejs/TSC/issues/1735', 'issue'],
        ['#1730', 'https://github.com/nodejs/TSC/issues/1730', 'issue'],
        ['nodejs/admin#912', 'https://github.com/nodejs/admin/issues/912', 'issue'],
      ],
    );
    const line = fixture('nodejs-tsc.md').split('\n')[short[2].range.start.line];
    assert.equal(line.slice(short[2].range.start.character, short[2].range.end.character), 'nodejs/admin#912');
  });

  it('Rust triage agendas: `compiler-team#935` as link texts, `rust-lang/rust#148347` in prose, a title naming another pull request left alone', () => {
    const report = parseReport(fixture('rust-triage.md'));
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(report.links.filter((l) => l.kind !== 'other').map(named), [
      ['issue', 'rust-lang/compiler-team', 935],
      ['issue', 'rust-lang/compiler-team', 935],
      ['pull-request', 'rust-lang/rust', 146369],
      ['pull-request', 'rust-lang/rust', 147841],
      ['pull-request', 'rust-lang/rust', 147900],
      ['issue', 'rust-lang/rust', 148347],
    ]);
  });

  it("Apache minutes: Jira's forms, a key of the draft's `jira:` project in prose, `UTF-8` no key, a link without its scheme flagged", () => {
    const text = fixture('apache-jira.md');
    const report = parseReport(text);
    assert.deepEqual(
      report.links.filter((l) => l.kind === 'issue').map((l) => l.item?.key),
      ['MAHOUT-2200', 'MAHOUT-2198', 'MAHOUT-2204', 'MAHOUT-2203', 'MAHOUT-2207', 'MAHOUT-2165'],
    );
    assert.equal(report.links.find((l) => l.raw === 'MAHOUT-2207')?.url, 'https://issues.apache.org/jira/browse/MAHOUT-2207');
    // the project's page is a link, not an issue
    assert.equal(report.links.at(-1)?.kind, 'other');
    assert.deepEqual(
      report.diagnostics.map((d) => [d.code, d.fix?.text]),
      [['link-missing-scheme', 'https://issues.apache.org/jira/projects/MAHOUT/issues/MAHOUT-2203']],
    );
  });

  it("Gerrit's steering committee and others: changes on googlesource, OpenBMC's and Wikimedia's Gerrits by their links' shape; Gitiles and dashboards are other links", () => {
    const report = parseReport(fixture('gerrit-anywhere.md'));
    assert.deepEqual(report.diagnostics, []);
    const reviews = report.links.filter((l) => l.kind === 'review');
    assert.deepEqual(
      reviews.map((l) => [l.review?.host, l.review?.path, l.review?.project, l.review?.change, l.review?.patchset]),
      [
        ['gerrit-review.googlesource.com', undefined, 'gerrit', 412345, undefined],
        ['gerrit-review.googlesource.com', undefined, 'gerrit', 412399, '3'],
        ['gerrit.openbmc.org', undefined, 'openbmc/docs', 57138, undefined],
        ['gerrit.wikimedia.org', '/r', 'mediawiki/core', 1012345, undefined],
      ],
    );
    // Gerrits the settings do not name are not looked up (which to ask is the link facts' choice)
    for (const l of reviews) assert.equal(factsRequest(l, DEFAULT_FACTS_APIS), undefined);
    assert.deepEqual(
      report.links.filter((l) => l.kind === 'other').map((l) => l.url),
      [
        'https://www.gerritcodereview.com/2025-06-01-gerrit-3.13-release-plan.html',
        'https://gerrit.googlesource.com/plugins/replication/+/refs/heads/master',
        'https://gerrit.openbmc.org/dashboard/self',
      ],
    );
  });

  it('GitLab: self-hosted by its `/-/`, a merge request with a note, its list a page', () => {
    const report = parseReport(fixture('gitlab.md'));
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(
      report.links.map((l) => [l.kind, l.item?.host, l.item?.repository, l.item?.number]),
      [
        ['issue', 'gitlab.eclipse.org', 'eclipsefdn/helpdesk', 4321],
        ['merge-request', 'gitlab.freedesktop.org', 'mesa/mesa', 30000],
        ['merge-request', 'gitlab.freedesktop.org', 'mesa/mesa', 30000],
        ['issue', 'gitlab.com', 'gitlab-org/gitlab', 4567],
        ['other', undefined, undefined, undefined],
      ],
    );
  });

  it('flags every malformed form once, with its fix when it is clear; the fixes leave a clean draft', () => {
    const text = fixture('malformed.md');
    const report = parseReport(text);
    assert.deepEqual(
      report.diagnostics.map((d) => d.code),
      [
        'github-item-path',
        'github-item-path',
        'github-number-missing',
        'github-number-not-numeric',
        'link-missing-scheme',
        'gitlab-item-path',
        'gitlab-number-not-numeric',
        'review-change-not-numeric',
        'jira-key-missing',
        'jira-key-missing',
        'jira-key-not-numeric',
        'link-missing-scheme',
        'bugzilla-id-missing',
        'bugzilla-id-not-numeric',
        'crbug-number-not-numeric',
        'phabricator-number-not-numeric',
        'link-text-number',
      ],
    );
    const fixed = applyFixes(
      text,
      report.diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])),
    ).text;
    // what is left has no clear fix: a number left out, a key left out, the text against the address
    assert.deepEqual(
      parseReport(fixed).diagnostics.map((d) => d.code),
      ['github-number-missing', 'jira-key-missing', 'jira-key-missing', 'bugzilla-id-missing', 'link-text-number'],
    );
    assert.match(fixed, /^- https:\/\/github\.com\/nodejs\/node\/pull\/58837$/m);
    assert.match(fixed, /^- https:\/\/crbug\.com\/12345$/m);
  });
});

describe('link-text-number', () => {
  const codes = (md: string) => parseReport(md).diagnostics.map((d) => d.code);

  it("flags a text that is one item's name when its address is another's, and says both", () => {
    const report = parseReport('- [#58837](https://github.com/nodejs/node/pull/58873)\n');
    assert.equal(report.diagnostics[0].message, 'The link\'s text says "#58837", its address #58873: one of the two is mistyped.');
    assert.equal(report.diagnostics[0].severity, 'warning');
    assert.equal(report.diagnostics[0].fix, undefined);
    for (const md of [
      '- [Issue 790](https://github.com/w3c/webextensions/issues/791)',
      '- [PR #792](https://github.com/w3c/webextensions/pull/793)',
      '- [nodejs/node#1](https://github.com/nodejs/node/issues/2)',
      '- [MAHOUT-2200](https://issues.apache.org/jira/browse/MAHOUT-2201)',
      '- [FLINK-2200](https://issues.apache.org/jira/browse/MAHOUT-2200)',
      '- [bug 1876214](https://bugzilla.mozilla.org/show_bug.cgi?id=1876215)',
    ])
      assert.deepEqual(codes(`${md}\n`), ['link-text-number'], md);
  });

  it('leaves alone texts that name the same item, or say more than its name', () => {
    for (const md of [
      '- [#58837](https://github.com/nodejs/node/pull/58837)',
      '- [Issue #617 (comment)](https://github.com/w3c/webextensions/issues/617#issuecomment-2761249918)',
      '- [Pull Request \\#197947 · llvm/llvm-project · GitHub](https://github.com/llvm/llvm-project/pull/197947)',
      '- [Revert the lint change of #147100](https://github.com/rust-lang/rust/pull/147900)',
      '- [rust#147841](https://github.com/rust-lang/rust/pull/147841)',
      '- [TSC#1721](https://github.com/nodejs/TSC/pull/1721)',
      '- [MAHOUT-2200](https://issues.apache.org/jira/browse/MAHOUT-2200)',
      // OpenStack's links are as they were: their text is theirs
      '- [bug 1507499](https://bugs.launchpad.net/neutron/+bug/1507498)',
      '- [#283798](https://review.opendev.org/c/openstack/nova/+/283799)',
    ])
      assert.deepEqual(codes(`${md}\n`), [], md);
  });
});

describe('the other trackers: hosts and shapes', () => {
  const withHosts = (more: Partial<LinkHosts>): LinkHosts => ({ ...DEFAULT_LINK_HOSTS, ...more });

  it('reads a self-hosted GitLab named in the settings, also its links without `/-/`; elsewhere such a link is other', () => {
    const url = 'https://git.example.org/infra/ansible/merge_requests/12';
    assert.equal(checkLink(url, DEFAULT_LINK_HOSTS).kind, 'other');
    const hosts = withHosts({ gitlab: ['gitlab.com', 'git.example.org'] });
    assert.deepEqual([checkLink(url, hosts).kind, checkLink(url, hosts).item?.repository], ['merge-request', 'infra/ansible']);
    assert.equal(checkLink('https://git.example.org/infra/ansible/-/merge_requests/', hosts).problem?.code, 'gitlab-number-missing');
  });

  it('reads a Jira named in the settings, and checks its keys; an unnamed host only by a whole key', () => {
    assert.equal(checkLink('https://tracker.example.org/browse/OPS-', DEFAULT_LINK_HOSTS).problem, undefined);
    assert.equal(checkLink('https://tracker.example.org/browse/OPS-12', DEFAULT_LINK_HOSTS).kind, 'issue');
    const hosts = withHosts({ jira: ['tracker.example.org'] });
    assert.equal(checkLink('https://tracker.example.org/browse/OPS-', hosts).problem?.code, 'jira-key-missing');
    assert.equal(
      checkLink('https://mycompany.atlassian.net/browse/OPS-123x', DEFAULT_LINK_HOSTS).problem?.fixed,
      'https://mycompany.atlassian.net/browse/OPS-123',
    );
  });

  it("takes no page of another site for a tracker's by its shape alone", () => {
    for (const url of [
      'https://example.org/c/foo',
      'https://example.org/browse/photos',
      'https://example.org/T',
      'https://example.org/issues/12x',
      'https://docs.example.org/guide/-/tips',
      'https://gcc.gnu.org/onlinedocs/gfortran/Fortran-Dialect-Options.html',
      'https://www.youtube.com/watch?v=abcdefghijk',
    ])
      assert.deepEqual([checkLink(url, DEFAULT_LINK_HOSTS).kind, checkLink(url, DEFAULT_LINK_HOSTS).problem], ['other', undefined], url);
  });

  it("finds a tracker's item written without a scheme, never a mere mention of the site", () => {
    const report = parseReport('- Status is on github.com/nodejs and gitlab.com; see github.com/nodejs/node/pull/58837.\n');
    assert.deepEqual(
      report.links.map((l) => [l.raw, l.problem?.code]),
      [['github.com/nodejs/node/pull/58837', 'link-missing-scheme']],
    );
  });

  it("keeps a Bugzilla alias a bug's name, not a number mistyped", () => {
    assert.equal(checkLink('https://bugzilla.mozilla.org/show_bug.cgi?id=CVE-2014-0160', DEFAULT_LINK_HOSTS).problem, undefined);
    assert.equal(checkLink('https://bugzilla.mozilla.org/show_bug.cgi?id=webextensions-mv3', DEFAULT_LINK_HOSTS).problem, undefined);
  });
});

describe('the other trackers: the fast way for well-formed links', () => {
  const hosts = DEFAULT_LINK_HOSTS;
  const n = fc.integer({ min: 1, max: 99_999_999 }).map(String);
  const owner = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,10}[A-Za-z0-9]$/).filter((o) => o !== 'orgs');
  const repo = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
  const segment = fc.stringMatching(/^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,10}$/);
  const maybe = (s: fc.Arbitrary<string>) => fc.option(s, { nil: '' });
  const link = fc.oneof(
    fc
      .tuple(
        owner,
        repo,
        fc.constantFrom('pull', 'issues', 'discussions'),
        n,
        maybe(fc.constantFrom('/files', '/commits', '/checks', '/changes', '/')),
        maybe(fc.constantFrom('#issuecomment-2135121317', '#discussion_r1817316311')),
      )
      .map(([o, r, w, num, tab, anchor]) => `https://github.com/${o}/${r}/${w}/${num}${tab}${anchor}`),
    fc.tuple(owner, repo, fc.stringMatching(/^[0-9a-f]{7,40}$/)).map(([o, r, h]) => `https://github.com/${o}/${r}/commit/${h}`),
    fc
      .tuple(fc.array(segment, { minLength: 2, maxLength: 3 }), fc.constantFrom('merge_requests', 'issues'), n, maybe(fc.constantFrom('/diffs', '#note_12345')))
      .map(([p, w, num, tail]) => `https://gitlab.com/${p.join('/')}/-/${w}/${num}${tail}`),
    fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9_]{1,8}$/), n).map(([k, num]) => `https://issues.apache.org/jira/browse/${k}-${num}`),
    fc
      .tuple(fc.constantFrom('bugzilla.mozilla.org', 'bugs.webkit.org', 'bugzilla.redhat.com'), n, maybe(fc.constant('#c4')))
      .map(([h, num, c]) => `https://${h}/show_bug.cgi?id=${num}${c}`),
    n.map((num) => `https://bugzil.la/${num}`),
    fc.tuple(maybe(fc.constantFrom('v8/', 'skia/')), n).map(([p, num]) => `https://crbug.com/${p}${num}`),
    n.map((num) => `https://issues.chromium.org/issues/${num}`),
    n.map((num) => `https://issues.gerritcodereview.com/issues/${num}`),
    fc.tuple(fc.constantFrom('T', 'D'), n).map(([l, num]) => `https://phabricator.wikimedia.org/${l}${num}`),
    fc
      .tuple(
        fc.constantFrom('gerrit-review', 'chromium-review', 'android-review'),
        fc.stringMatching(/^[a-z][a-z0-9-]{0,8}(?:\/[a-z][a-z0-9-]{0,8})?$/),
        n,
        maybe(n.map((p) => `/${p}`)),
      )
      .map(([h, project, num, p]) => `https://${h}.googlesource.com/c/${project}/+/${num}${p}`),
  );

  it('says what the rules say of generated links, and takes each', () => {
    fc.assert(
      fc.property(link, (raw) => {
        const fast = canonicalCheck(raw, hosts);
        assert.ok(fast, `${raw} takes the fast way`);
        assert.deepEqual(fast, ruleCheck(raw, hosts));
        assert.equal(fast.problem, undefined);
      }),
      propertyOptions(2000),
    );
  });
});

describe("the other trackers' bundle", () => {
  it('is not loaded for a draft of OpenStack links alone, and is for a draft with a GitHub link', () => {
    const probe = (draft: string) => {
      const script = [
        "const { parseReport } = require('./src/core');",
        `parseReport(${JSON.stringify(draft)});`,
        'console.log(Object.keys(require.cache).some((f) => /otherTrackers\\.ts$/.test(f)));',
      ].join('\n');
      const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    const reference = fs.readFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
    assert.equal(probe(reference), 'false');
    assert.equal(probe('- https://github.com/nodejs/node/pull/58837\n'), 'true');
  });
});

// Every link form from the fixtures, on both sides: well-formed links get no diagnostic and the
// right classification; malformed ones get exactly their rule's diagnostic, over the URL's exact
// range, and a fix that, applied, leaves a draft with no diagnostic.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, checkLink, DEFAULT_LINK_HOSTS, LINK_RULE_CODES, parseReport, type Link } from '../../../../src/core';
import { ruleRecord } from '../../../../src/core/rules/ruleRecords';

const fixtures = path.join(__dirname, '..', '..', '..', 'fixtures', 'links');
const rows = (file: string) =>
  fs
    .readFileSync(path.join(fixtures, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));

interface Valid {
  kind: string;
  url: string;
  expect: Record<string, string>;
}
const valid: Valid[] = rows('valid.txt').map((line) => {
  const [kind, url, ...pairs] = line.split(/\s+/);
  return { kind, url, expect: Object.fromEntries(pairs.map((p) => p.split('=') as [string, string])) };
});

interface Malformed {
  code: string;
  url: string;
  following: string;
  fix?: string;
}
const malformed: Malformed[] = rows('malformed.txt').map((line) => {
  const m = /^(\S+) (.+?)(?: -> (\S+))?$/.exec(line)!;
  const [url, following = ''] = m[2].split('|');
  return { code: m[1], url, following, fix: m[3] };
});

function targetValues(link: Link): Record<string, string | undefined> {
  return {
    change: link.review?.change?.toString(),
    patchset: link.review?.patchset,
    file: link.review?.file,
    query: link.review?.query,
    project: link.review?.project ?? link.bug?.project ?? link.blueprint?.project,
    bug: link.bug?.id?.toString(),
    blueprint: link.blueprint?.name,
    story: link.story?.story?.toString(),
    task: link.story?.task?.toString(),
    comment: (link.story?.comment ?? link.bug?.comment)?.toString(),
    etherpad: link.etherpad?.name,
    // the other trackers' items
    tracker: link.item?.tracker,
    host: link.item?.host,
    repository: link.item?.repository,
    number: link.item?.number?.toString(),
    key: link.item?.key,
    commit: link.item?.commit,
  };
}

describe('link rules: well-formed links', () => {
  for (const { kind, url, expect } of valid) {
    for (const [form, line] of [
      ['bare', `- see ${url} for details`],
      ['[text](url)', `- see [the link](${url}) for details`],
      ['<url>', `- see <${url}> for details`],
    ] as const) {
      it(`${url} as ${form}: a ${kind} link, no diagnostic`, () => {
        const report = parseReport(`# Topic\n\n${line}\n`);
        assert.deepEqual(report.diagnostics, []);
        assert.equal(report.links.length, 1);
        const [link] = report.links;
        assert.equal(link.kind, kind);
        assert.equal(link.raw, url);
        assert.equal(line.slice(link.range.start.character, link.range.end.character), url);
        const values = targetValues(link);
        for (const [key, value] of Object.entries(expect)) assert.equal(values[key], value, key);
      });
    }
  }
});

describe('link rules: malformed links', () => {
  for (const { code, url, following, fix } of malformed) {
    const spaced = /\s/.test(url);
    // a destination with a space is only a link attempt inside [text](…); others are bare URLs
    const line = spaced ? `- see [the link](${url}) today` : `- see ${url}${following} today`;
    it(`${url}${following}: ${code}${fix ? ` → ${fix}` : ', no clear fix'}`, () => {
      const text = `# Topic\n\n${line}\n`;
      const report = parseReport(text);
      assert.equal(report.diagnostics.length, 1, JSON.stringify(report.diagnostics));
      const [d] = report.diagnostics;
      assert.equal(d.code, code);
      assert.equal(d.severity, 'error');
      assert.equal(d.range.start.line, 2);
      assert.equal(line.slice(d.range.start.character, d.range.end.character), url);
      assert.match(d.message, /\S/);
      if (!fix) {
        assert.equal(d.fix, undefined);
        return;
      }
      assert.ok(d.fix, 'a fix');
      assert.ok(d.message.includes(fix), `the message names the intended link: ${d.message}`);
      const fixed = applyFixes(text, [d.fix]).text;
      assert.equal(fixed, text.replace(`${url}${following.match(/^\s+\d+\/?/)?.[0] ?? ''}`, fix));
      assert.deepEqual(parseReport(fixed).diagnostics, [], 'the fixed draft is clean');
    });
  }

  it('every rule has fixtures on both sides', () => {
    const codes = new Set(malformed.map((m) => m.code));
    for (const code of LINK_RULE_CODES) assert.ok(codes.has(code), `no malformed fixture for ${code}`);
  });

  for (const code of LINK_RULE_CODES) {
    it(`${code}: its documented example`, () => {
      const example = ruleRecord(code)?.example;
      assert.ok(example, `${code} has a documented example`);
      assert.equal(checkLink(example.bad, DEFAULT_LINK_HOSTS).problem?.code, code);
      if (example.good) {
        assert.equal(checkLink(example.good, DEFAULT_LINK_HOSTS).problem, undefined);
        assert.equal(checkLink(example.bad, DEFAULT_LINK_HOSTS).problem?.fixed, example.good);
      }
    });
  }
});

describe('link kinds', () => {
  // what the tree counts as "3 reviews · 1 bug" and the outline JSON calls a review must name one
  const names = (link: Link): Record<string, unknown> => ({
    review: link.review?.change,
    bug: link.bug?.id,
    blueprint: link.blueprint?.name,
    story: link.story?.story ?? link.story?.task,
    // another tracker's item, named by its number, key or hash, under its kind
    ...(link.item ? { [link.kind]: link.item.number ?? link.item.key ?? link.item.commit } : {}),
  });

  it('a review, bug, blueprint or story link names its change, bug, blueprint or story; a page without one is other', () => {
    for (const url of [...valid, ...malformed].map((f) => f.url)) {
      const [link] = parseReport(`- ${url}\n`).links;
      if (!link) continue;
      const named = Object.entries(names(link))
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k);
      assert.deepEqual(named, link.kind === 'other' || link.kind === 'etherpad' ? [] : [link.kind], `${url}: ${link.kind}`);
    }
  });
});

describe('link rules: hosts', () => {
  it('checks a Gerrit host given in the options, and leaves unknown hosts alone', () => {
    const hosts = { ...DEFAULT_LINK_HOSTS, gerrit: [...DEFAULT_LINK_HOSTS.gerrit, 'review.example.org'] };
    assert.equal(checkLink('https://review.example.org/c/12x', hosts).problem?.code, 'review-missing-hash');
    assert.equal(checkLink('https://review.example.org/c/12x', DEFAULT_LINK_HOSTS).problem, undefined);
    assert.equal(checkLink('https://review.example.org/c/12x', DEFAULT_LINK_HOSTS).kind, 'other');
  });

  it('a link with two mistakes gets one diagnostic whose fix mends both', () => {
    const r = checkLink('https://reviews.openstack.org/c/283798x', DEFAULT_LINK_HOSTS);
    assert.equal(r.problem?.code, 'link-host-misspelt');
    assert.match(r.problem!.message, /not a number/);
    assert.equal(r.problem?.fixed, 'https://review.openstack.org/#/c/283798/');
  });
});

// The engine's fast way for well-formed links (canonicalCheck) must say exactly what the rules say
// (ruleCheck): the same kind, URL and target, and no problem. Checked on every well-formed fixture
// and on links generated from the forms writers paste, in any mix of case, slashes and numbers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_LINK_HOSTS } from '../../../../src/core';
import { canonicalCheck, ruleCheck } from '../../../../src/core/rules/linkRules/checkLink';
import { propertyOptions } from '../../helpers/propertyOptions';

const hosts = DEFAULT_LINK_HOSTS;
const fixtures = fs
  .readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'links', 'valid.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split(' ')[1]);

const digits = fc.integer({ min: 0, max: 99_999_999 }).map(String);
const name = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9+.-]{0,15}$/);
const slug = fc.stringMatching(/^[a-zA-Z0-9._-]{1,12}$/);
// a Gerrit project's first part: `/c/<digits>…` is a change number (review-missing-hash), not a project
const projectStart = fc.stringMatching(/^[a-zA-Z._-][a-zA-Z0-9._-]{0,11}$/);
const pad = fc.stringMatching(/^(?:[a-zA-Z0-9._~+-]|%[0-9A-Fa-f]{2}|%)+$/);
const maybe = (s: fc.Arbitrary<string>) => fc.option(s, { nil: '' });
const casing = (s: string, flips: boolean[]) => [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('');

const link = fc.oneof(
  fc
    .tuple(fc.constantFrom(...hosts.gerrit), digits, maybe(digits.map((p) => `/${p}`)), maybe(fc.constant('/')))
    .map(([h, c, p, t]) => `https://${h}/#/c/${c}${p}${t}`),
  fc
    .tuple(
      fc.constantFrom(...hosts.gerrit),
      fc.tuple(projectStart, fc.array(slug, { maxLength: 2 })).map(([first, more]) => [first, ...more]),
      digits,
      maybe(digits.map((p) => `/${p}`)),
      maybe(fc.constant('/')),
    )
    .map(([h, project, c, p, t]) => `https://${h}/c/${project.join('/')}/+/${c}${p}${t}`),
  fc.tuple(fc.constantFrom(...hosts.gerrit), digits, maybe(fc.constant('/'))).map(([h, c, t]) => `http://${h}/${c}${t}`),
  fc.tuple(name, digits, maybe(fc.constant('/'))).map(([p, n, t]) => `https://bugs.launchpad.net/${p}/+bug/${n}${t}`),
  fc.tuple(fc.constantFrom('launchpad.net', 'bugs.launchpad.net'), digits, maybe(fc.constant('/'))).map(([h, n, t]) => `https://${h}/bugs/${n}${t}`),
  fc.tuple(name, name, maybe(fc.constant('/'))).map(([p, s, t]) => `https://blueprints.launchpad.net/${p}/+spec/${s}${t}`),
  fc.tuple(fc.constantFrom(...hosts.etherpad), pad, maybe(fc.constant('/'))).map(([h, p, t]) => `https://${h}/p/${p}${t}`),
  fc
    .tuple(fc.constantFrom(...hosts.storyboard), fc.constantFrom('story', 'task'), digits, maybe(fc.constant('/')))
    .map(([h, w, n, t]) => `https://${h}/#!/${w}/${n}${t}`),
);

describe('the fast way for well-formed links', () => {
  it('takes the links writers mostly paste', () => {
    for (const raw of [
      'https://review.openstack.org/#/c/282876/14',
      'https://review.opendev.org/c/openstack/neutron/+/283798',
      'https://bugs.launchpad.net/neutron/+bug/1507499',
      'https://blueprints.launchpad.net/nova/+spec/get-me-a-network',
      'https://etherpad.openstack.org/p/neutron-mitaka-midcycle',
      'https://storyboard.openstack.org/#!/story/2004567',
      'https://storyboard.openstack.org/#!/task/28123',
    ]) {
      assert.ok(canonicalCheck(raw, hosts), raw);
    }
    // and leaves anything else to the rules
    for (const raw of [
      'https://review.openstack.org/#c/282876',
      'https://REVIEW.openstack.org/#/c/282876',
      'https://review.opendev.org/c/0/+/283798',
      'https://bugs.launchpad.net/neutron/+bugs/1507499',
      'https://example.org/p/x',
      'https://storyboard.openstack.org/#/story/2004567',
      'https://storyboard.openstack.org/#!/story/2004567#comment-1',
    ]) {
      assert.equal(canonicalCheck(raw, hosts), undefined, raw);
    }
  });

  it('leaves links on hosts configured in capitals to the rules, which compare hosts in lower case', () => {
    const shouting = { gerrit: ['Review.Example.org'], etherpad: ['PADS.example.org'], storyboard: ['StoryBoard.example.org'] };
    for (const raw of [
      'https://Review.Example.org/#/c/282876/',
      'https://review.example.org/#/c/282876/',
      'https://PADS.example.org/p/x',
      'https://pads.example.org/p/x',
      'https://StoryBoard.example.org/#!/story/2004567',
      'https://storyboard.example.org/#!/story/2004567',
    ]) {
      const fast = canonicalCheck(raw, shouting);
      if (fast) assert.deepEqual(fast, ruleCheck(raw, shouting), raw);
    }
    assert.equal(canonicalCheck('https://review.example.org/#/c/282876/', { gerrit: ['review.example.org'], etherpad: [], storyboard: [] })?.kind, 'review');
  });

  it('says what the rules say of every well-formed fixture it takes', () => {
    let taken = 0;
    for (const raw of fixtures) {
      const fast = canonicalCheck(raw, hosts);
      if (!fast) continue;
      taken++;
      assert.deepEqual(fast, ruleCheck(raw, hosts), raw);
    }
    assert.ok(taken >= 15, `only ${taken} fixtures took the fast way`);
  });

  it('says what the rules say of generated links, whatever their case', () => {
    fc.assert(
      fc.property(link, fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), fc.boolean(), (raw, flips, flip) => {
        const url = flip ? casing(raw, flips) : raw;
        const fast = canonicalCheck(url, hosts);
        if (!flip) assert.ok(fast, `${url} takes the fast way`);
        if (fast) assert.deepEqual(fast, ruleCheck(url, hosts));
      }),
      propertyOptions(2000),
    );
  });
});

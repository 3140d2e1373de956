// What a writer gets from a link snippet (src/extension/linkSnippets.ts): tabbed through without
// typing, a link the rules flag (the change, bug, blueprint, story or pad is still to be typed);
// filled in, a well-formed link. Shared by the OpenStack snippets' tests and the other trackers'.
import * as assert from 'node:assert/strict';
import { checkLink, DEFAULT_LINK_HOSTS, parseReport } from '../../../src/core';
import { linkSnippets } from '../../../src/extension/linkSnippets';

/** A snippet's body as Tab through it leaves it: each placeholder's default, each tab stop empty. */
export const tabbedThrough = (body: string) => body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');

/** Every link snippet offered in each draft: flagged when tabbed through, well-formed when filled in. */
export function assertSnippetsFlaggedUntilFilled(drafts: readonly string[]): void {
  for (const md of drafts) {
    for (const s of linkSnippets(parseReport(md))) {
      const left = parseReport(`- Topic: ${tabbedThrough(s.body)}\n`);
      assert.equal(left.diagnostics.length, 1, `${s.body} tabbed through must be flagged`);
      assert.match(left.diagnostics[0].code, /-(missing|not-numeric)$/);
      const filled = checkLink(
        tabbedThrough(
          s.body.replace(/\$(\d+)$|\$(\d+)\//, (m) => m.replace(/\$\d+/, s.kind === 'blueprint' || s.kind === 'etherpad' ? 'some-name' : '283798')),
        ),
        DEFAULT_LINK_HOSTS,
      );
      assert.equal(filled.problem, undefined, `${s.body} filled in is well-formed`);
    }
  }
}

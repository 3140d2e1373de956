// The hosts a draft is read with: the settings', with the short references its front matter names
// (`repository:`, `jira:`; rules/trackers/frontMatterReferences.ts reads them). The link pass asks
// before it reads the links, so that the text's `#123` is read as the draft means it.
import type { Token } from '../model/markdownTypes';
import type { LinkHosts } from '../rules/linkHosts';
import { otherTrackers } from '../rules/trackers/otherTrackersBundle';
import { frontMatterYaml } from './tokenFacts';

/** A cheap look before the YAML is read: most front matter names neither. */
const NAMES_REFERENCES = /^(?:repository|jira)[ \t]*:/m;

export function draftHosts(hosts: LinkHosts, tokens: readonly Token[]): LinkHosts {
  const first = tokens[0];
  if (first?.type !== 'front_matter') return hosts;
  const text = frontMatterYaml(first);
  if (!NAMES_REFERENCES.test(text)) return hosts;
  // (on the web, until the other trackers' bundle is here: the settings' alone, then read again)
  return otherTrackers()?.withFrontMatterReferences(hosts, text) ?? hosts;
}

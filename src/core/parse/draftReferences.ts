// What a draft's front matter says of its short references: `repository:` (the repository of `#123`)
// and `jira:` (the Jira projects whose keys are issues), over the settings' (`midcycle.references.*`,
// `--repository`, `--jira-project`). The link pass reads them from the front matter token before the
// links, so that the text's `#123` is read as the draft means it.
import type { Token } from '../model/markdownTypes';
import type { LinkHosts, ShortReferences } from '../rules/linkHosts';
import { frontMatterYaml } from './tokenFacts';
import { yaml } from './yamlBundle';

/** The front matter keys read here. */
export const REPOSITORY_KEY = 'repository';
export const JIRA_KEY = 'jira';

/** A cheap look before the YAML is read: most front matter names neither. */
const NAMES_REFERENCES = /^(?:repository|jira)[ \t]*:/m;

/** The hosts made for a draft, by the settings' hosts and what its front matter says (a full parse of it makes the same object again). */
const made = new WeakMap<LinkHosts, Map<string, LinkHosts>>();

/** The hosts to read a draft with: the settings', with the short references its front matter names (the same object when it names none). */
export function draftHosts(hosts: LinkHosts, tokens: readonly Token[]): LinkHosts {
  const first = tokens[0];
  if (first?.type !== 'front_matter') return hosts;
  const text = frontMatterYaml(first);
  if (!NAMES_REFERENCES.test(text)) return hosts;
  const reading = yaml().readYaml(text);
  const data = 'data' in reading && reading.data && typeof reading.data === 'object' && !Array.isArray(reading.data) ? (reading.data as Record<string, unknown>) : {};
  const repository = typeof data[REPOSITORY_KEY] === 'string' ? data[REPOSITORY_KEY].trim() : undefined;
  const raw = data[JIRA_KEY];
  const jira = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  if (!repository && !jira.length) return hosts;
  const references: ShortReferences = { ...hosts.references };
  if (repository) references.repository = repository;
  if (jira.length) references.jira = [...new Set([...(hosts.references?.jira ?? []), ...jira])];
  const key = JSON.stringify(references);
  let byKey = made.get(hosts);
  if (!byKey) made.set(hosts, (byKey = new Map()));
  let derived = byKey.get(key);
  if (!derived) byKey.set(key, (derived = { ...hosts, references }));
  return derived;
}

// What a draft's front matter says of its short references, `repository:` (the repository of `#123`)
// and `jira:` (the Jira projects whose keys are issues), over the settings' (`midcycle.references.*`,
// `--repository`, `--jira-project`): the hosts a draft is read with. In the other trackers' bundle,
// as only those trackers read short references (parse/draftReferences.ts asks here).
import type { LinkHosts, ShortReferences } from '../linkHosts';
import { yaml } from '../../parse/yamlBundle';

/** The front matter keys read here. */
export const REPOSITORY_KEY = 'repository';
export const JIRA_KEY = 'jira';

/** The hosts made for a draft, by the settings' hosts and what its front matter says (a full parse of it makes the same object again). */
const made = new WeakMap<LinkHosts, Map<string, LinkHosts>>();

/** The settings' hosts with the short references a front matter's YAML names (the same object when it names none). */
export function withFrontMatterReferences(hosts: LinkHosts, frontMatter: string): LinkHosts {
  const reading = yaml().readYaml(frontMatter);
  const data =
    'data' in reading && reading.data && typeof reading.data === 'object' && !Array.isArray(reading.data) ? (reading.data as Record<string, unknown>) : {};
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

// Which hosts are Gerrit, Launchpad, StoryBoard and etherpad hosts (and the GitLab and Jira hosts of
// the settings), what short references in text mean, and which host a misspelt one meant.

export interface LinkHosts {
  /** Gerrit hosts whose change links are checked. */
  gerrit: readonly string[];
  /** Etherpad hosts whose pad links are checked. */
  etherpad: readonly string[];
  /** StoryBoard hosts whose story and task links are checked. */
  storyboard: readonly string[];
  /** GitLab hosts (gitlab.com, a self-hosted GitLab) whose merge request and issue links are checked. */
  gitlab?: readonly string[];
  /** Jira hosts whose issue links are checked (any `*.atlassian.net` is one too). */
  jira?: readonly string[];
  /** What short references in the text stand for (`#123`, `MAHOUT-123`): none unless said. */
  references?: ShortReferences;
}

/** Where a draft's short references point: from the settings, the CLI, the workspace's git remote, or the draft's front matter. */
export interface ShortReferences {
  /** The repository of `#123` (and `!123` on GitLab): `https://github.com/owner/repo`, `https://gitlab.com/group/project`. */
  repository?: string;
  /** Jira projects whose keys are issues (`MAHOUT-123`): each project's page, `https://issues.apache.org/jira/browse/MAHOUT`. */
  jira?: readonly string[];
}

export const DEFAULT_LINK_HOSTS: LinkHosts = {
  gerrit: ['review.openstack.org', 'review.opendev.org'],
  etherpad: ['etherpad.openstack.org', 'etherpad.opendev.org'],
  // OpenStack's StoryBoard never moved to opendev.org: its links are all storyboard.openstack.org
  storyboard: ['storyboard.openstack.org'],
  gitlab: ['gitlab.com'],
  jira: ['issues.apache.org'],
};

export const LAUNCHPAD = 'launchpad.net';
export const LAUNCHPAD_BUGS = 'bugs.launchpad.net';
export const LAUNCHPAD_BLUEPRINTS = 'blueprints.launchpad.net';

/** Launchpad's other real hosts: never "misspelt" bug or blueprint hosts. */
const OTHER_LAUNCHPAD_HOSTS = [
  'www.launchpad.net',
  'code.launchpad.net',
  'answers.launchpad.net',
  'translations.launchpad.net',
  'help.launchpad.net',
  'api.launchpad.net',
  'ppa.launchpad.net',
  'lists.launchpad.net',
  'login.launchpad.net',
  'launchpadlibrarian.net',
  'dev.launchpad.net',
  'blog.launchpad.net',
];

function checkedHosts(hosts: LinkHosts): string[] {
  return [...hosts.gerrit, ...hosts.etherpad, ...hosts.storyboard, LAUNCHPAD, LAUNCHPAD_BUGS, LAUNCHPAD_BLUEPRINTS];
}

/** True for an OpenStack host whose links the rules check, or a real host next to them (the misspelt hosts' candidates). */
export function isKnownHost(host: string, hosts: LinkHosts): boolean {
  return checkedHosts(hosts).includes(host) || OTHER_LAUNCHPAD_HOSTS.includes(host);
}

/**
 * The checked host a misspelt one most likely meant (`reviews.openstack.org` →
 * `review.openstack.org`, `bug.launchpad.net` → `bugs.launchpad.net`), or undefined when the host
 * is known, or not close to exactly one checked host.
 */
export function intendedHost(host: string, hosts: LinkHosts): string | undefined {
  if (isKnownHost(host, hosts)) return undefined;
  const candidates = checkedHosts(hosts);
  // the same name under another top-level domain: review.openstack.com
  const stem = host.replace(/\.[^.]+$/, '');
  const sameStem = candidates.filter((c) => c.replace(/\.[^.]+$/, '') === stem);
  if (sameStem.length === 1) return sameStem[0];
  const limit = host.length >= 12 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let ties = 0;
  for (const c of candidates) {
    if (Math.abs(c.length - host.length) > limit) continue;
    const d = editDistance(host, c, limit);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      ties = 0;
    } else if (d === bestDistance) ties++;
  }
  return bestDistance <= limit && ties === 0 ? best : undefined;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), cut off above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return rowMin;
  }
  return rows[a.length][b.length];
}

// The repository a draft's `#123` points into, as the settings, the CLI, the draft's `repository:`
// or the workspace's git remote say it: `owner/repo` (GitHub), a repository's page
// (`https://gitlab.com/group/project`), or a remote's URL (`git@github.com:owner/repo.git`).

export interface Repository {
  /** `github.com`, `gitlab.com`, a self-hosted GitLab's host: lower case. */
  host: string;
  /** `owner/repo`, `group/subgroup/project`, as written. */
  path: string;
}

const SEGMENT = '[A-Za-z0-9_.-]+';
const OWNER_REPO = new RegExp(`^(${SEGMENT})/(${SEGMENT})$`);
/** `https://host/path`, `ssh://git@host[:port]/path`, `git@host:path`, with `.git` or a `/` at the end at most. */
const REMOTE = /^(?:(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/|[^@/\s]+@([^:/\s]+):)(.+?)(?:\.git)?\/?$/i;

const parsed = new Map<string, Repository | undefined>();

/** The repository a setting or a front matter value names; undefined when it names none. */
export function repositoryOf(value: string): Repository | undefined {
  if (parsed.has(value)) return parsed.get(value);
  let repository: Repository | undefined;
  const text = value.trim();
  const short = OWNER_REPO.exec(text);
  if (short) repository = { host: 'github.com', path: `${short[1]}/${short[2].replace(/\.git$/, '')}` };
  else {
    const m = REMOTE.exec(text);
    // a repository is at least `owner/repo`; GitLab's pages of it (`/-/…`) are not part of it
    const path = m?.[3].split('/-/')[0].replace(/\/+$/, '');
    if (m && path && /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/.test(path)) repository = { host: (m[1] ?? m[2]).toLowerCase(), path };
  }
  parsed.set(value, repository);
  return repository;
}

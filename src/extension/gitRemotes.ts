// The repository of the workspace's git remote (origin, else the first), from VS Code's git
// extension, on the desktop (nodePlatform.ts; the web has none): what `#123` in a draft means when
// neither its `repository:` nor the `midcycle.references.repository` setting says. Read only once
// the git extension is active (Midcycle never starts it); the drafts are read again when a
// repository opens or its remotes change.
import type * as vscode from 'vscode';
import { repositoryOf } from '../core';
import type { RemoteRepositories } from './platform/platform';

/** What Midcycle reads of the git extension's API (its `git.d.ts`, version 1). */
interface GitRemote {
  readonly name: string;
  readonly fetchUrl?: string;
  readonly pushUrl?: string;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly remotes: readonly GitRemote[]; readonly onDidChange: vscode.Event<void> };
}
interface GitApi {
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/** The remote's repository as a page URL (`https://github.com/owner/repo`), or undefined. */
export function remoteRepository(remotes: readonly GitRemote[]): string | undefined {
  const remote = remotes.find((r) => r.name === 'origin') ?? remotes[0];
  const url = remote?.fetchUrl ?? remote?.pushUrl;
  const repository = url ? repositoryOf(url) : undefined;
  return repository ? `https://${repository.host}/${repository.path}` : undefined;
}

export class GitRemotes implements RemoteRepositories {
  private api: GitApi | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Each repository's remote as last read, by its root: a change of it, not of the repository's status, reads the drafts again. */
  private readonly known = new Map<string, string | undefined>();

  /** `extensions`: VS Code's (absent in a host without them, such as the unit tests' stand-in: no remote). */
  constructor(
    private readonly extensions: typeof vscode.extensions | undefined,
    private readonly changed: () => void,
  ) {}

  /** The repository of the remote of the git repository a document is in. */
  repositoryFor(uri: vscode.Uri): string | undefined {
    const api = this.gitApi();
    const repository = api?.getRepository(uri);
    if (!repository) return undefined;
    const remote = remoteRepository(repository.state.remotes);
    this.known.set(repository.rootUri.toString(), remote);
    return remote;
  }

  private gitApi(): GitApi | undefined {
    if (this.api) return this.api;
    const extension = this.extensions?.getExtension<GitExtension>('vscode.git');
    if (!extension?.isActive) return undefined;
    try {
      const api = extension.exports.getAPI(1);
      const watch = (r: GitRepository) =>
        this.disposables.push(
          r.state.onDidChange(() => {
            const key = r.rootUri.toString();
            if (this.known.has(key) && this.known.get(key) !== remoteRepository(r.state.remotes)) this.changed();
          }),
        );
      api.repositories.forEach(watch);
      this.disposables.push(
        api.onDidOpenRepository((r) => {
          watch(r);
          this.changed();
        }),
      );
      this.api = api;
    } catch {
      // a git extension without the API Midcycle knows (disabled, another version): no remote, as on the web
      return undefined;
    }
    return this.api;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

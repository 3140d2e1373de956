// The desktop's side of platform.ts: bundles are dist/<name>.js, required from the extension's
// folder as any Node module is; the package's files read through vscode.workspace.fs; a save
// dialog with no workspace open starts in the home folder.
import { homedir } from 'node:os';
import { GitRemotes } from '../gitRemotes';
import { readFactsCacheFile, saveFactsCacheFile } from '../../factsCacheFile';
import type * as vscode from 'vscode';
import { onceEach, type BundleName, type Platform } from './platform';

export function nodePlatform(code: typeof vscode, extensionUri: vscode.Uri, log: vscode.LogOutputChannel): Platform {
  return {
    load: onceEach(async (name: BundleName) => {
      const file = code.Uri.joinPath(extensionUri, 'dist', `${name}.js`).fsPath;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
      return require(file) as unknown;
    }, log),
    log,
    factsCacheFile: {
      handles: (file) => file.scheme === 'file',
      read: (file) => readFactsCacheFile(file.fsPath),
      // the lock not waited for: the extension host's thread must not block (the next save tries again)
      save: (file, cache) => saveFactsCacheFile(file.fsPath, cache, 0),
    },
    get homeFolder() {
      return code.Uri.file(homedir());
    },
    readText: async (...path) => new TextDecoder().decode(await code.workspace.fs.readFile(code.Uri.joinPath(extensionUri, ...path))),
    gitRemotes: (changed) => new GitRemotes((code as Partial<typeof vscode>).extensions, changed),
  };
}

// The desktop's bundles (see bundles.ts): dist/<name>.js, required from the extension's folder as
// any Node module is.
import type * as vscode from 'vscode';
import { onceEach, type BundleName, type Bundles } from './bundles';

export function nodeBundles(code: typeof vscode, extensionUri: vscode.Uri): Bundles {
  return {
    load: onceEach(async (name: BundleName) => {
      const file = code.Uri.joinPath(extensionUri, 'dist', `${name}.js`).fsPath;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
      return require(file) as unknown;
    }),
  };
}

// What the integration suites share: Midcycle's API, the fixture workspace's files (through
// vscode.workspace.fs, which both the desktop and the web have), and waiting for VS Code.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { MidcycleApi } from '../../src/extension/activation';
import type { TopicNode } from '../../src/extension/topicNodes';

export const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
export const fixture = (name: string): vscode.Uri => vscode.Uri.joinPath(folder(), name);

export async function api(): Promise<MidcycleApi> {
  const ext = vscode.extensions.getExtension<MidcycleApi>('midcycle.midcycle');
  assert.ok(ext, 'Midcycle is installed');
  return ext.activate();
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  return vscode.window.showTextDocument(document);
}

export const label = (m: MidcycleApi, n: TopicNode): string | undefined => {
  const l = m.tree.getTreeItem(n).label;
  return typeof l === 'string' ? l : l?.label;
};

export const midcycleDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'midcycle');

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('midcycle').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Deletes the file if it is there (an export never replaces a file unasked). */
export async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri);
}

export const baseName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

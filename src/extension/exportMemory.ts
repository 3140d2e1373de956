// What each draft's last export wrote, kept in the workspace's state: a hash per draft and file, so
// that exporting the draft again replaces its own last export without asking, and asks only when
// that file was changed (or written by something else) since.
import type * as vscode from 'vscode';
import type { ExportMemory } from '../mail/exportDraft';

const KEY = 'midcycle.lastExports';

type Written = Record<string, Record<string, string>>;

export function workspaceExportMemory(state: vscode.Memento): ExportMemory {
  const all = () => state.get<Written>(KEY, {});
  return {
    written: (draft, target) => all()[draft]?.[target],
    remember: (draft, target, hash) => state.update(KEY, { ...all(), [draft]: { ...all()[draft], [target]: hash } }),
  };
}

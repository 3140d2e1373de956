// Midcycle's log: one LogOutputChannel named "Midcycle" (the Output view; its level set there), for
// what no message shows the writer but that explains what they see: the bundles loaded on first use
// and why one could not be, link lookups that failed, a link facts cache that could not be written.
// Made by the entry point with the platform (which logs the bundle loads), put in
// context.subscriptions by activation, handed to what logs.
import type * as vscode from 'vscode';

/** What a module that logs needs of it: LogOutputChannel's levels (the bundles without `vscode` are handed it). */
export type Log = Pick<vscode.LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error'>;

export function createLog(code: typeof vscode): vscode.LogOutputChannel {
  return code.window.createOutputChannel('Midcycle', { log: true });
}

/** An error's message for a log line (a bundle's failure may throw something that is not an Error). */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

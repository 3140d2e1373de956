// The drafts' last reports (`previous:` in a draft's front matter) as the rest of the extension sees
// them: nothing until a draft names one, then the follow-ups service (followUpsService.ts, a bundle
// of its own) loaded and asked, for the tree, Problems and Carry Over. A draft without `previous:`
// costs one look at its front matter. What the service needs of the extension it reads from here.
import * as vscode from 'vscode';
import { parseReport, type Diagnostic, type Report } from '../core';
import type { FollowUpsService } from './followUpsService';
import type { LinkFacts } from './linkFacts';
import type { LoadMailImport } from './mailboxBundle';
import type { Platform } from './platform/platform';
import type { ReportStore } from './reportStore';
import type { LastReportShown } from './topicNodes';

export class LastReports implements vscode.Disposable {
  private service: FollowUpsService | undefined;
  private starting: Promise<FollowUpsService> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the service came, or a last report was read (again). */
  readonly onDidChange = this.changed.event;
  /** The core's parse, the extension's: the service reads the reports it makes by their data. */
  readonly parse = parseReport;

  constructor(
    readonly store: ReportStore,
    readonly links: LinkFacts,
    readonly platform: Platform,
    readonly loadImport: LoadMailImport,
  ) {}

  /** The draft's follow-ups as the tree shows them, once its last report has been read. */
  shown(document: vscode.TextDocument, report: Report): LastReportShown | undefined {
    return typeof report.frontMatter.previous === 'string' ? this.now()?.shown(document, report) : undefined;
  }

  /** The diagnostics of the draft's `previous:` line, once its last report has been read. */
  diagnostics(document: vscode.TextDocument, report: Report): Diagnostic[] {
    return (typeof report.frontMatter.previous === 'string' && this.now()?.diagnostics(document, report)) || [];
  }

  /** Says that a last report was read, or read again: the views read again. */
  fire(): void {
    this.changed.fire();
  }

  /** The service, loaded if need be (Carry Over waits for it); a failed load is in the log, and tried again next time. */
  start(): Promise<FollowUpsService> {
    this.starting ??= this.platform.load<typeof import('./followUpsService')>('followUpsService').then(
      ({ FollowUpsService: Service }) => {
        this.service = new Service(vscode, this);
        this.fire();
        return this.service;
      },
      (e: unknown) => {
        this.starting = undefined;
        throw e;
      },
    );
    return this.starting;
  }

  /** The service when loaded; else undefined, its load started. */
  private now(): FollowUpsService | undefined {
    if (!this.service) this.start().catch(() => undefined);
    return this.service;
  }

  dispose(): void {
    this.service?.dispose();
    this.changed.dispose();
  }
}

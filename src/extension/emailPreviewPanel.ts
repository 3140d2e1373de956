// The "Email Preview" webview: one panel, reused, showing the last export beside the draft.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FrontMatter } from '../core';
import { previewHtml } from './emailPreviewHtml';

export class EmailPreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private html = '';

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(html: string, frontMatter: FrontMatter, title: string, savedAs?: string): void {
    this.html = html;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('midcycle.emailPreview', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage(async (message: { type?: string }) => {
        if (message?.type !== 'copy') return;
        await vscode.env.clipboard.writeText(this.html);
        void vscode.window.showInformationMessage('Copied the email\'s HTML to the clipboard.');
      });
    }
    this.panel.title = title;
    const webview = this.panel.webview;
    const styleUri = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.css')).toString();
    webview.html = previewHtml({ html, frontMatter, savedAs, nonce: randomBytes(16).toString('base64'), styleUri, cspSource: webview.cspSource });
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

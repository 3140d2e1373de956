// The mail side of Midcycle in a bundle of its own (dist/mailbox.js): the exporters (HTML, text,
// .eml), the importers with their HTML and MIME parsers, and the email preview's page. The extension needs them only when a
// writer exports, copies or imports an email, so it loads them then, not at activation.
export { exportEmail } from './core/exportEmail';
export { exportText } from './core/exportText';
export { exportMessage, messageFile } from './core/exportMessage';
export { importMessage, type ImportResult } from './core/importMessage';
// the preview's page: pure HTML like the exporters', wanted only when there is an email to show
export { previewHtml } from './extension/emailPreviewHtml';
// the import and export commands' work, with VS Code's API handed in (this bundle never requires `vscode`)
export { importDraft } from './extension/importDraft';
export { exportDraft } from './extension/exportDraft';
// the email preview's panel, made on the first export or copy
export { EmailPreviewPanel } from './extension/emailPreviewPanel';

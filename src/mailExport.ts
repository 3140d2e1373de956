// The export side of the mail code in a bundle of its own (dist/mailExport.js; dist/web/mailExport.js):
// the exporters (HTML, text, .eml) and the email preview. Loaded by the first export or copy (and the
// CLI's .eml export), never at activation, and without the importers' HTML and MIME parsers
// (mailImport.ts), which an export never uses.
export { exportEmail } from './core/export/exportEmail';
export { exportText } from './core/export/exportText';
export { exportMessage, messageFile } from './core/export/exportMessage';
// the preview's page: pure HTML like the exporters', wanted only when there is an email to show
export { previewHtml } from './mail/emailPreviewHtml';
// the export command's work, with VS Code's API handed in (this bundle never requires `vscode`)
export { exportDraft } from './mail/exportDraft';
// the email preview's panel, made on the first export or copy
export { EmailPreviewPanel } from './mail/emailPreviewPanel';

// The mail side of Midcycle in a bundle of its own (dist/mail.js): the exporters (HTML, text,
// .eml), the importers with their HTML and MIME parsers, and the email preview's page. The extension needs them only when a
// writer exports, copies or imports an email, so it loads them then, not at activation.
export { exportEmail } from '../core/export/exportEmail';
export { exportText } from '../core/export/exportText';
export { exportMessage, messageFile } from '../core/export/exportMessage';
export { importMessage, type ImportResult } from '../core/import/importMessage';
// the preview's page: pure HTML like the exporters', wanted only when there is an email to show
export { previewHtml } from './emailPreviewHtml';
// the import and export commands' work, with VS Code's API handed in (this bundle never requires `vscode`)
export { importDraft } from './importDraft';
export { exportDraft } from './exportDraft';
// the email preview's panel, made on the first export or copy
export { EmailPreviewPanel } from './emailPreviewPanel';

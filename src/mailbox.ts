// The mailbox side of Midcycle in a bundle of its own (dist/mailbox.js): an HTML and a MIME parser
// are needed only when a report is imported, so the extension loads them then, not at activation.
export { importMessage, type ImportResult } from './core/importMessage';
export { exportMessage } from './core/exportMessage';

// The mail code (exporters, .eml, importers with their HTML and MIME parsers, the preview): its own
// bundle (dist/mail.js; dist/web/mail.js on the web), loaded on first use through the platform's
// bundles (platform/platform.ts), not at activation.
export type Mailbox = typeof import('../mail');

/** The mail bundle, loaded once. */
export type LoadMailbox = () => Promise<Mailbox>;

// The mail code, in two bundles of its own loaded on first use through the platform's bundles
// (platform/platform.ts), never at activation: the exporters and the preview (dist/mailExport.js,
// for export and copy), and the importers with their HTML and MIME parsers (dist/mailImport.js, for
// import only). On the web, dist/web/mailExport.js and dist/web/mailImport.js.
export type MailExport = typeof import('../mailExport');
export type MailImport = typeof import('../mailImport');

/** The export bundle, loaded once. */
export type LoadMailExport = () => Promise<MailExport>;
/** The import bundle, loaded once. */
export type LoadMailImport = () => Promise<MailImport>;

// The import side of the mail code in a bundle of its own (dist/mailImport.js; dist/web/mailImport.js):
// the importers with their HTML and MIME parsers (parse5, postal-mime: most of its size). Loaded by
// the first import (and the CLI's `import`), never by an export or a copy.
export { importMessage, type ImportResult } from './core/import/importMessage';
// the import command's work, with VS Code's API handed in (this bundle never requires `vscode`)
export { importDraft } from './mail/importDraft';

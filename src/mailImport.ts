// The import side of the mail code in a bundle of its own (dist/mailImport.js; dist/web/mailImport.js):
// the importers with their HTML and MIME parsers (parse5, postal-mime: most of its size). Loaded by
// the first import (and the CLI's `import`), never by an export or a copy.
export { importMessage, type ImportResult } from './core/import/importMessage';
// a meeting's notes: a pad read from its text export, MeetBot's minutes, notes in a file
export { importMeetingNotes, type NotesImport } from './core/import/meetingNotes';
export { isWebAddress, padLocation, readPad, PadError } from './core/import/padText';
// the import commands' work, with VS Code's API handed in (this bundle never requires `vscode`)
export { importDraft } from './mail/importDraft';
export { notesDraft } from './mail/notesDraft';

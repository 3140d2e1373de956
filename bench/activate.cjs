// Loads dist/extension.js and runs activate() against a stand-in `vscode` module, printing the time
// from the first require to the end of activate() in milliseconds. The stand-in answers every
// property, call and `new` with itself, so activation does all its own work and nothing of VS Code's.
const Module = require('node:module');

const stub = new Proxy(function vscode() {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : stub),
  set: () => true, // item.name = …, item.text = …: taken, and forgotten
  apply: () => stub,
  construct: () => stub,
});
// the names the extension takes from `vscode` (a bundle copies a module's own properties)
const api = Object.fromEntries(
  'CodeAction CodeActionKind CodeActionProvider CompletionItem CompletionItemKind DataTransfer DataTransferItem Diagnostic DiagnosticSeverity Disposable DocumentSelector EventEmitter ExtensionContext Hover MarkdownString Position Range Selection SnippetString StatusBarAlignment TextDocument TextDocumentContentChangeEvent TextEdit TextEditor TextEditorRevealType ThemeColor ThemeIcon TreeDataProvider TreeDragAndDropController TreeItem TreeItemCollapsibleState Uri ViewColumn WebviewPanel WorkspaceConfiguration WorkspaceEdit commands env languages postMessage window workspace'
    .split(' ')
    .map((name) => [name, stub]),
);
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? api : load.call(this, request, ...rest);
};

const start = process.hrtime.bigint();
const extension = require(process.argv[2]);
extension.activate({ subscriptions: [], extensionUri: stub, extensionPath: '' });
process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e6}\n`);

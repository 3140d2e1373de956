// For `npm run bench:editor`: the floor that Midcycle's latency is measured against. On every change
// of a Markdown document it runs one regular expression over the text (a Launchpad bug link whose
// number has a letter in it) and puts its matches in Problems, at once: no parse, no debounce, no
// views. What is left of a keystroke's latency here is VS Code's: the workbench, the extension
// host's traffic, and the other extensions on its thread (VS Code's Markdown language features).
const vscode = require('vscode');

const MALFORMED_BUG = /bugs\.launchpad\.net\/[\w.+-]+\/\+bug\/\d+[^\d\s/)\]>]+/g;

exports.activate = function activate(context) {
  const collection = vscode.languages.createDiagnosticCollection('floor');
  const check = (document) => {
    if (document.languageId !== 'markdown') return;
    const text = document.getText();
    const found = [];
    for (const m of text.matchAll(MALFORMED_BUG)) {
      const range = new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m[0].length));
      found.push(new vscode.Diagnostic(range, 'Malformed bug link.', vscode.DiagnosticSeverity.Error));
    }
    collection.set(document.uri, found);
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
};

exports.deactivate = function deactivate() {};

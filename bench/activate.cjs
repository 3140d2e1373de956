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
// the names the extension takes from `vscode` (a bundle copies a module's own properties): every
// `vscode.X` its sources use, so that a new one needs no list kept here
const fs = require('node:fs');
const path = require('node:path');
const sources = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const names = new Set(
  sources(path.join(__dirname, '..', 'src', 'extension')).flatMap((f) =>
    [...fs.readFileSync(f, 'utf8').matchAll(/\bvscode\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]),
  ),
);
const api = Object.fromEntries([...names].map((name) => [name, stub]));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? api : load.call(this, request, ...rest);
};

const start = process.hrtime.bigint();
const extension = require(process.argv[2]);
// (activation logs the extension's version from context.extension: the stand-in has none)
extension.activate({ subscriptions: [], extensionUri: stub, extensionPath: '', extension: { packageJSON: {} } });
process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e6}\n`);

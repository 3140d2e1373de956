// The extension's logic that needs no VS Code: quick fixes from diagnostics, settings read, hovers,
// link completions, export paths, the preview page, the snippets and the manifest.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, DEFAULT_LINK_HOSTS, LINK_KINDS, parseReport } from '../../../src/core';
import { RULE_RECORDS } from '../../../src/core/rules/ruleRecords';
import { linkFactsUserAgent } from '../../../src/core/facts/userAgent';
import { previewHtml } from '../../../src/mail/emailPreviewHtml';
import { exportPath } from '../../../src/mail/exportTarget';
import { hoverMarkdown } from '../../../src/extension/hoverText';
import { linkCompletions } from '../../../src/extension/linkCompletions';
import { fixAllEdits, quickFixesAt } from '../../../src/extension/quickFixes';
import { readSettings } from '../../../src/extension/settings';
import { importDraft } from '../../../src/mail/importDraft';
import MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';

const root = path.join(__dirname, '..', '..', '..');
const withMistakes = fs.readFileSync(path.join(root, 'examples', 'nova-ptg-summary.md'), 'utf8');

describe('quick fixes', () => {
  const report = parseReport(withMistakes);

  it("offers the corrected URL for the diagnostic on the cursor's line", () => {
    const fixes = quickFixesAt(report, { start: { line: 23, character: 0 }, end: { line: 23, character: 0 } });
    assert.deepEqual(
      fixes.map((f) => [f.title, f.diagnostic.code]),
      [['Change to https://bugs.launchpad.net/nova/+bug/1963617', 'bug-plural']],
    );
  });

  it('offers nothing where there is no problem', () => {
    assert.deepEqual(quickFixesAt(report, { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } }), []);
  });

  it('"fix all" mends every malformed link with a clear fix, leaving a clean draft', () => {
    const edits = fixAllEdits(report);
    assert.equal(edits.length, 5);
    assert.deepEqual(parseReport(applyFixes(withMistakes, edits).text).diagnostics, []);
  });

  it('escapes a swallowing separator', () => {
    const r = parseReport('Hi\n\n~~~~~~~\n\n- Topic\n');
    const [fix] = quickFixesAt(r, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    assert.equal(fix.title, 'Escape the separator line so that it stays text');
  });
});

describe('settings', () => {
  const source = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });

  it('has defaults', () => {
    const s = readSettings(source({}));
    assert.deepEqual(s.files, []);
    assert.deepEqual(s.report.hosts, DEFAULT_LINK_HOSTS);
    assert.deepEqual(s.export, {
      listNesting: 'gmail',
      font: 'arial, helvetica, sans-serif',
      lineBreaks: 'auto',
      directory: '',
      plainText: false,
      format: 'html',
      from: '',
      annotateLinks: 'none',
      actionSummary: false,
    });
  });

  it('reads severities (VS Code\'s "information" is the core\'s "info"), hosts and export options', () => {
    const s = readSettings(
      source({
        severity: { 'bug-plural': 'warning', 'link-space': 'information', 'review-missing-hash': 'off', bogus: 'loud' },
        'hosts.gerrit': ['Review.Example.org', ''],
        'hosts.storyboard': ['StoryBoard.Example.org'],
        'export.listNesting': 'standard',
        'export.font': '',
        'export.format': 'eml',
        'export.lineBreaks': 'keep',
        'export.from': ' Jane Doe <jane@example.org> ',
        files: ['**/reports/*.md'],
      }),
    );
    assert.deepEqual(s.report.severities, { 'bug-plural': 'warning', 'link-space': 'info', 'review-missing-hash': 'off' });
    assert.deepEqual(s.report.hosts?.gerrit, ['review.example.org']);
    assert.deepEqual(s.report.hosts?.storyboard, ['storyboard.example.org']);
    assert.deepEqual(s.report.hosts?.etherpad, DEFAULT_LINK_HOSTS.etherpad);
    assert.equal(s.export.listNesting, 'standard');
    assert.equal(s.export.font, '');
    assert.equal(s.export.format, 'eml');
    assert.equal(s.export.from, 'Jane Doe <jane@example.org>');
    assert.equal(readSettings(source({ 'export.format': 'pdf' })).export.format, 'html');
    assert.equal(s.export.lineBreaks, 'keep');
    assert.equal(readSettings(source({ 'export.lineBreaks': 'wrap' })).export.lineBreaks, 'auto');
    assert.deepEqual(s.files, ['**/reports/*.md']);
  });
});

describe('hovers', () => {
  const link = (url: string) => parseReport(`- ${url}\n`).links[0];

  it('say what a review link is', () => {
    assert.match(hoverMarkdown(link('https://review.openstack.org/#/c/282876/14'))!, /^\*\*Gerrit change 282876\*\* patchset 14 on review\\\.openstack\\\.org/);
    assert.match(
      hoverMarkdown(link('https://review.opendev.org/c/openstack/neutron/+/283798'))!,
      /change 283798\*\* in openstack\/neutron on review\\\.opendev\\\.org/,
    );
  });

  it('say what a bug link is, and not again what is wrong with it (its diagnostic, in the same hover, does)', () => {
    assert.match(hoverMarkdown(link('https://bugs.launchpad.net/neutron/+bug/1507499'))!, /^\*\*Launchpad bug 1507499\*\* in neutron/);
    const malformed = hoverMarkdown(link('https://bugs.launchpad.net/neutron/+bugs/1507499'))!;
    assert.doesNotMatch(malformed, /\+bugs|\$\(error\)/);
    assert.match(malformed, /\[Open in browser\]\(https:\/\/bugs\.launchpad\.net\/neutron\/\+bug\/1507499\)/);
  });

  it('say what a StoryBoard link is', () => {
    assert.match(
      hoverMarkdown(link('https://storyboard.openstack.org/#!/story/2004567'))!,
      /^\*\*StoryBoard story 2004567\*\* on storyboard\\\.openstack\\\.org/,
    );
    assert.match(
      hoverMarkdown(link('https://storyboard.openstack.org/#!/story/2004567#comment-117443'))!,
      /^\*\*StoryBoard story 2004567\*\*, comment 117443 on storyboard\\\.openstack\\\.org/,
    );
    assert.match(hoverMarkdown(link('https://storyboard.openstack.org/#!/task/28123'))!, /^\*\*StoryBoard task 28123\*\* on storyboard\\\.openstack\\\.org/);
    const malformed = hoverMarkdown(link('https://storyboard.openstack.org/#/story/2004567'))!;
    assert.match(malformed, /^\*\*StoryBoard story 2004567\*\*/);
    assert.doesNotMatch(malformed, /needs|\$\(error\)/);
    assert.match(malformed, /\[Open in browser\]\(https:\/\/storyboard\.openstack\.org\/#!\/story\/2004567\)/);
  });

  it('call a Gerrit query or a Launchpad bug list what it is, never a change or a bug', () => {
    const query = hoverMarkdown(link('https://review.opendev.org/q/topic:bp/get-me-a-network'))!;
    assert.ok(query.startsWith(String.raw`**Gerrit query** topic\:bp/get\-me\-a\-network on review\.opendev\.org`), query);
    assert.doesNotMatch(query, /change/);
    assert.match(hoverMarkdown(link('https://review.openstack.org/#/dashboard/self'))!, /^\*\*Gerrit\*\* page on review\\\.openstack\\\.org/);
    const list = hoverMarkdown(link('https://bugs.launchpad.net/neutron/+bugs?field.tag=rfe'))!;
    assert.match(list, /^\*\*Launchpad bugs\*\* of neutron/);
    assert.doesNotMatch(list, /bug \d/);
  });
});

describe('hovers on hostile links', () => {
  // what VS Code's hover does with the text: Markdown, theme icons on, no HTML
  const md = new MarkdownIt({ html: false, linkify: false });
  const hostile = [
    'https://review.opendev.org/q/$(zap)+![x](https://evil.example/i.png)',
    'https://review.opendev.org/c/$(zap)/+/1/`x`![x](https://evil.example/i.png)',
    'https://review.opendev.org/c/proj%20![x](https:%2F%2Fevil.example%2Fi.png)/+/1',
    'https://etherpad.openstack.org/p/$(zap)![x](https://evil.example/i.png)',
    'https://bugs.launchpad.net/$(zap)/+bug/1',
    'https://bugs.launchpad.net/nova$(zap)/+bugs?x=[y](javascript:alert(1))',
    'https://blueprints.launchpad.net/$(zap)/+spec/![x](https://evil.example/i.png)',
  ];
  for (const url of hostile) {
    it(`shows the draft's strings as themselves: ${url}`, () => {
      const [l] = parseReport(`- <${url}>\n`).links;
      const text = hoverMarkdown(l)!;
      assert.ok(text, 'a hover');
      const html = md.render(text);
      assert.doesNotMatch(html, /<img/);
      assert.equal((html.match(/<a /g) ?? []).length, 1, 'only Open in browser is a link');
      assert.doesNotMatch(text, /(?<!\\)\$\(zap\)/, 'no theme icon');
    });
  }
});

describe('link completions', () => {
  const report = parseReport(
    '- https://bugs.launchpad.net/nova/+bug/1\n- https://bugs.launchpad.net/nova/+bug/2\n- https://bugs.launchpad.net/neutron/+bug/3\n- https://review.opendev.org/c/openstack/nova/+/4\n',
  );

  it('offers the projects the draft links to, most used first', () => {
    assert.deepEqual(
      linkCompletions(report, '- see https://bugs.launchpad.net/').map((c) => c.insertText),
      ['nova/+bug/', 'neutron/+bug/'],
    );
    assert.deepEqual(
      linkCompletions(report, '- see https://bugs.launchpad.net/neu').map((c) => c.label),
      ['neutron'],
    );
    assert.deepEqual(
      linkCompletions(report, 'https://review.opendev.org/c/').map((c) => c.insertText),
      ['openstack/nova/+/'],
    );
    assert.deepEqual(linkCompletions(report, 'plain text'), []);
  });
});

describe('export target', () => {
  it('is <draft>.html beside the draft, or in the folder the settings name', () => {
    assert.equal(exportPath('/w/reports/mitaka.md', '', '.html'), '/w/reports/mitaka.html');
    assert.equal(exportPath('/w/reports/mitaka.md', 'out', '.txt'), '/w/reports/out/mitaka.txt');
    assert.equal(exportPath('/w/reports/mitaka.markdown', '/tmp/mail', '.html'), '/tmp/mail/mitaka.html');
  });

  it('works on URI paths without node:path (VS Code for the Web): `..`, doubled slashes and Windows folders', () => {
    assert.equal(exportPath('/w/reports/mitaka.md', '../mail//sent/', '.eml'), '/w/mail/sent/mitaka.eml');
    assert.equal(exportPath('/c:/w/mitaka.md', 'C:\\mail', '.html'), '/C:/mail/mitaka.html');
    assert.equal(exportPath('/c:/w/mitaka.md', '..\\out', '.html'), '/c:/out/mitaka.html');
    assert.equal(exportPath('/mitaka.md', '', '.html'), '/mitaka.html');
    assert.equal(exportPath('/w/.md', '', '.html'), '/w/report.html');
  });
});

describe('the preview page', () => {
  const page = previewHtml({
    html: '<div dir="ltr"><div>Hi</div></div>',
    frontMatter: { subject: 'S <b>', to: ['a@x.org', 'b@x.org'] },
    nonce: 'abc123',
    savedAs: 'r.html',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
    cspSource: 'https://*.vscode-cdn.net',
  });

  it('has a strict CSP: no script but ours, nothing remote', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)![1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    // nothing but the extension's own stylesheet, from the webview's resource origin
    assert.equal(csp.replace(/https:\/\/\*\.vscode-cdn\.net/g, '').match(/https?:|\*/), null);
    const scripts = [...page.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    // one script, ours, from the extension's media folder, with the nonce
    assert.deepEqual(scripts, [' nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js"']);
  });

  it('offers both copies: rich text for pasting, and the HTML source', () => {
    assert.match(page, /<button id="copy-rich"[^>]*>Copy for Pasting<\/button>/);
    assert.match(page, /<button id="copy-html"[^>]*>Copy HTML<\/button>/);
  });

  it("shows a Hugo draft's title as its subject, as the message has it", () => {
    const hugo = previewHtml({ html: '', frontMatter: { title: 'My Summary' }, nonce: 'n', styleUri: 's', scriptUri: 'j', cspSource: 'c' });
    assert.ok(hugo.includes('<th>Subject</th><td>My Summary</td>'));
  });

  it('shows the headers, escaped, above the email', () => {
    assert.ok(page.includes('<th>Subject</th><td>S &lt;b&gt;</td>'));
    assert.ok(page.includes('<th>To</th><td>a@x.org, b@x.org</td>'));
    assert.ok(page.includes('<div class="mail" id="mail"><div dir="ltr"><div>Hi</div></div></div>'));
  });
});

describe('snippets', () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'markdown.json'), 'utf8')) as Record<
    string,
    { prefix: string[]; body: string | string[]; description: string }
  >;
  // what the writer gets when they accept every default: placeholders and choices filled, escapes undone
  const expand = (body: string | string[]) =>
    (Array.isArray(body) ? body.join('\n') : body)
      .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '')
      .replace(/\\(.)/g, '$1');

  it('are all complete, with prefixes and descriptions, and balanced placeholders', () => {
    assert.deepEqual(Object.keys(snippets), ['Midcycle report', 'Midcycle topic', 'Action item']);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix.length && s.description, name);
      const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
      assert.equal((body.match(/\$\{/g) ?? []).length, (body.match(/(?<!\\)\}/g) ?? []).length, `${name}: balanced`);
    }
  });

  it("the report skeleton is a report with topics, its separator escaped, and only its pad's name left to type", () => {
    const text = expand(snippets['Midcycle report'].body);
    const report = parseReport(text);
    assert.deepEqual(
      report.diagnostics.map((d) => d.code),
      ['etherpad-name-missing'],
      'a pad name accepted as the default would be a plausible pad of someone else',
    );
    assert.deepEqual(
      report.topics.map((t) => t.title),
      ['First topic', 'Second topic'],
    );
    assert.ok(text.includes('\n\\~~~~~~~\n'));
    assert.equal(report.frontMatter.subject, 'Neutron Mitaka mid-cycle report');
  });

  it('the topic snippet, tabbed through, leaves a review link the rules flag: no real change number stands in it', () => {
    const report = parseReport(expand(snippets['Midcycle topic'].body));
    assert.deepEqual(
      report.topics.map((t) => t.title),
      ['Topic'],
    );
    assert.deepEqual(
      report.diagnostics.map((d) => d.code),
      ['review-change-missing'],
    );
  });

  it('the action item snippet is an action item', () => {
    assert.deepEqual(
      parseReport(`- ${expand(snippets['Action item'].body)}\n`).actions.map((a) => a.owner),
      ['ircnick'],
    );
  });
});

describe('the import command', () => {
  /** As much of VS Code's API as the command uses: files in a map, what it shows in a list. */
  function fakeCode(files: Map<string, string>, activePath?: string) {
    class Uri {
      constructor(readonly path: string) {}
      with({ path: p }: { path: string }) {
        return new Uri(p);
      }
    }
    class TabInputText {
      constructor(readonly uri: Uri) {}
    }
    const shown: string[] = [];
    const code = {
      Uri,
      ViewColumn: { Active: -1, Beside: -2 },
      TabInputText,
      TabInputCustom: class {},
      // English: VS Code loads no bundle
      l10n: { bundle: undefined },
      window: {
        activeTextEditor: undefined,
        tabGroups: { activeTabGroup: { activeTab: activePath ? { input: new TabInputText(new Uri(activePath)) } : undefined } },
        showOpenDialog: async () => {
          shown.push('asked for a file');
          return undefined;
        },
        showTextDocument: async (uri: Uri, options: { viewColumn: number }) =>
          shown.push(`opened ${uri.path}${options.viewColumn === -1 ? '' : ' in another group'}`),
        showInformationMessage: async (message: string) => shown.push(message),
        showErrorMessage: async (message: string) => shown.push(`error: ${message}`),
      },
      workspace: {
        textDocuments: [],
        fs: {
          readFile: async (uri: Uri) => {
            if (!files.has(uri.path)) throw new Error('no such file');
            return Buffer.from(files.get(uri.path)!, 'utf8');
          },
          writeFile: async (uri: Uri, bytes: Uint8Array) => void files.set(uri.path, Buffer.from(bytes).toString('utf8')),
          stat: async (uri: Uri) => {
            if (!files.has(uri.path)) throw new Error('no such file');
            return {};
          },
        },
      },
    };
    return { code: code as unknown as typeof vscode, Uri, shown };
  }

  it('imports a .txt as text beside it, never over a file, and says how it read it', async () => {
    const files = new Map([['/w/notes.txt', 'Hi <https://x.org/a> from Kyle Mestery <k@example.org>\n']]);
    const { code, Uri, shown } = fakeCode(files);
    const first = await importDraft(code, new Uri('/w/notes.txt'));
    const second = await importDraft(code, new Uri('/w/notes.txt'));
    assert.deepEqual([first?.path, second?.path], ['/w/notes.md', '/w/notes-2.md']);
    assert.equal(files.get('/w/notes.md'), 'Hi \\<https://x.org/a> from Kyle Mestery \\<k@example.org>\n');
    assert.deepEqual(shown, [
      'opened /w/notes.md',
      'Imported notes.txt as plain text (a .txt file) into notes.md.',
      'opened /w/notes-2.md',
      'Imported notes.txt as plain text (a .txt file) into notes-2.md.',
    ]);
    assert.equal(await importDraft(code, new Uri('/w/gone.eml')), undefined);
    assert.equal(shown.pop(), 'error: Could not import gone.eml: no such file');
  });

  it('from the palette, imports the .html open in the active tab, else asks for a file', async () => {
    const files = new Map([['/w/sent.html', '<div dir="ltr"><div>Hi all,</div><ul><li>Gate: https://review.opendev.org/c/openstack/nova/+/1</li></ul></div>']]);
    const open = fakeCode(files, '/w/sent.html');
    assert.equal((await importDraft(open.code, undefined))?.path, '/w/sent.md');
    assert.match(files.get('/w/sent.md')!, /^Hi all,\n\n- Gate: https:\/\/review\.opendev\.org\/c\/openstack\/nova\/\+\/1\n/);
    assert.equal(open.shown[0], 'opened /w/sent.md');
    const none = fakeCode(files, '/w/notes.md');
    assert.equal(await importDraft(none.code, undefined), undefined);
    assert.deepEqual(none.shown, ['asked for a file']);
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

  it("offers a severity setting for every rule, and no other, with its record's default and words", () => {
    const properties = manifest.contributes.configuration.properties['midcycle.severity'].properties;
    assert.deepEqual(
      Object.keys(properties),
      RULE_RECORDS.map((r) => r.code),
    );
    for (const r of RULE_RECORDS) {
      assert.equal(properties[r.code].default, r.severity === 'info' ? 'information' : r.severity, r.code);
      assert.equal(properties[r.code].markdownDescription, r.description, r.code);
    }
  });

  it('has a translation for every %key%, and a command for every menu entry', () => {
    const keys = JSON.stringify(manifest)
      .match(/%[\w.]+%/g)!
      .map((k: string) => k.slice(1, -1));
    for (const k of keys) assert.ok(k in nls, k);
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const entries of Object.values(manifest.contributes.menus) as { command: string }[][])
      for (const e of entries) assert.ok(commands.has(e.command), e.command);
  });

  it('declares what the README promises: the export command with a keybinding, the view, the snippets', () => {
    assert.equal(nls['command.exportEmail'], 'Export Midcycle Email');
    assert.equal(manifest.contributes.keybindings[0].command, 'midcycle.exportEmail');
    // its own activity bar container: found at a glance, not below Outline and Timeline in the Explorer
    assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, 'midcycle');
    assert.ok(fs.existsSync(path.join(root, manifest.contributes.viewsContainers.activitybar[0].icon)));
    assert.equal(manifest.contributes.views.midcycle[0].id, 'midcycle.topics');
    assert.ok(fs.existsSync(path.join(root, manifest.contributes.snippets[0].path)));
    assert.ok(fs.existsSync(path.join(root, manifest.icon)));
  });

  it('says only what is so: no formatter category, no activation events VS Code derives from the contributions', () => {
    assert.deepEqual(manifest.categories, ['Linters', 'Other']);
    // commands and views activate the extension by themselves (VS Code 1.74+); a Markdown file opening has to say so
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
  });

  it("names no address that is not the project's: no placeholder repository in the manifest, the settings, the sources or the User-Agent", () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f && !f.startsWith('test/unit/'));
    const placeholders = tracked.filter(
      (f) => fs.existsSync(path.join(root, f)) && /github\.com\/midcycle\/midcycle/i.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    assert.deepEqual(placeholders, []);
    assert.equal(manifest.repository, undefined);
    assert.match(linkFactsUserAgent('VS Code'), /^midcycle\/\S+ \(VS Code; link facts\)$/);
  });

  it("runs on the desktop (main) and on the web (browser), in virtual and (limited) untrusted workspaces; looking links up is offered on both (the web looks GitHub's up), in a trusted workspace alone", () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const refresh = Object.values(manifest.contributes.menus as Record<string, { command: string; when: string }[]>)
      .flat()
      .filter((e) => e.command === 'midcycle.refreshLinkFacts');
    assert.ok(refresh.length > 0);
    for (const e of refresh) {
      assert.match(e.when, /isWorkspaceTrusted/);
      assert.doesNotMatch(e.when, /isWeb/);
    }
    for (const api of ['githubApi', 'gitlabApi', 'jiraApi', 'bugzillaApi'])
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(`midcycle.linkFacts.${api}`), api);
  });
});

describe('the README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  it('has a row for every rule, with the anchor its diagnostics link to, its default and its words', () => {
    for (const r of RULE_RECORDS) {
      const row = `| <a id="rule-${r.code}"></a>\`${r.code}\` | ${r.severity} | ${r.description} |`;
      assert.ok(readme.includes(row), `README row for ${r.code}:\n${row}`);
    }
  });

  it("leads with what a writer does (install, use, settings, the command line); a contributor's set-up, development and testing are CONTRIBUTING.md's", () => {
    const headings = readme.match(/^## .*$/gm)!;
    const at = (h: string) => headings.findIndex((x) => x.startsWith(h));
    assert.equal(headings[0], '## Install');
    assert.ok(at('## In VS Code') < at('## The command line') && at('## The command line') < at('## Quick start'), headings.join('\n'));
    assert.deepEqual(
      headings.filter((h) => /^## (Development|Testing)\b/.test(h)),
      [],
    );
    const contributing = fs.readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8');
    for (const h of ['## Development', '## Testing', '## What the first run installs']) assert.ok(contributing.includes(`\n${h}\n`), h);
    // the Quick start: the two commands after cloning, and both are this package's scripts
    const quick = /\n## Quick start[^\n]*\n+```sh\n([^`]*)```/.exec(readme)![1].trim().split('\n');
    assert.deepEqual(
      quick.map((l) => l.replace(/\s+#.*$/, '')),
      ['npm ci && npm run demo', 'npm test'],
    );
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.ok(scripts.demo && scripts.test);
  });

  it('lists every link kind in the outline JSON contract', () => {
    const listed = /`kind` is one of ((?:`[a-z-]+`, )*`[a-z-]+`)\./.exec(readme)?.[1].match(/[a-z-]+/g);
    assert.deepEqual(listed, [...LINK_KINDS]);
  });
});

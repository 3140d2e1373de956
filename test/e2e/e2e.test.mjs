// End-to-end: a real VS Code (code-server) in a real browser (Debian chromium, headless), driven as
// a user would: the Report Topics view, clicking a topic, a malformed link in the Problems panel and
// its quick fix, "Export Midcycle Email" from the command palette with its preview, and link facts
// against a fake Gerrit and Launchpad. The same walk twice: with Midcycle's .vsix (its Node `main`
// in code-server's extension host), then with its browser-only package (VS Code for the Web: the
// `browser` entry in the page's web worker extension host), where link facts are not offered. Each
// step asserts what is on screen; screenshots go to test-results/e2e/ (web/ for the second walk).
// Run: npm run test:e2e (it packages the .vsix first; the browser-only package is made here).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageWebOnly } from '../integration/web/webPackage.mjs';
import { launchBrowser, startCodeServer } from './codeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LONG = 60_000;

/** The two builds the walk runs against. */
const BUILDS = [
  { name: 'Midcycle in VS Code, in a browser', web: false, shots: join(root, 'test-results', 'e2e') },
  {
    name: 'Midcycle in VS Code for the Web (its browser-only package, in the web worker extension host)',
    web: true,
    shots: join(root, 'test-results', 'e2e', 'web'),
  },
];
let shots;

let vscode;
let browser;
let page;
let workspace;
let services;

/** The unit tests' fake Gerrit and Launchpad (a TypeScript module), bundled for this plain-JS suite. */
async function startFakeServicesForE2e(data) {
  const esbuild = await import('esbuild');
  const outfile = join(mkdtempSync(join(tmpdir(), 'midcycle-fake-')), 'fakeServices.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'unit', 'helpers', 'fakeServices.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  });
  const { startFakeServices } = await import(pathToFileURL(outfile).href);
  return startFakeServices(data);
}

async function shot(name) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: LONG });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: LONG });
  await page.keyboard.press('Enter');
}

/** Quick Open (Ctrl+P), as a user opens a file whatever the Explorer shows. */
async function openFile(name) {
  await page.keyboard.press('Control+p');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: LONG });
  await input.fill(name);
  // Enter opens the focused row: wait until the filter has put the file there
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: LONG });
  await page.keyboard.press('Enter');
  // (the first: another group may show it too)
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: LONG });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: LONG });
}

/** Ctrl+G to a line and column of the active editor. */
async function goTo(line, column) {
  await page.keyboard.press('Control+g');
  await page.locator('.quick-input-widget input').waitFor({ timeout: LONG });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((l) => new RegExp(`Ln ${l}, Col`).test(document.querySelector('.statusbar')?.textContent ?? ''), line, { timeout: LONG });
}

/** The cursor's position as the status bar shows it: "Ln 29, Col 1". */
async function cursorPosition() {
  const text = await page
    .locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ })
    .first()
    .innerText();
  const [, line, column] = /Ln (\d+), Col (\d+)/.exec(text);
  return { line: Number(line), column: Number(column) };
}

/** The Midcycle side bar (its own activity bar entry), where Report Topics is. */
function topicsPane() {
  return page.locator('[id="workbench.view.extension.midcycle"]');
}

for (const build of BUILDS)
  describe(build.name, () => {
    before(async () => {
      shots = build.shots;
      if (!existsSync(join(root, 'midcycle.vsix'))) throw new Error('midcycle.vsix is missing: run `npm run package` (npm run test:e2e does)');
      const vsix = build.web ? packageWebOnly(root, join(root, 'out', 'web')) : join(root, 'midcycle.vsix');
      workspace = mkdtempSync(join(tmpdir(), 'midcycle-e2e-'));
      cpSync(join(root, 'examples'), workspace, { recursive: true, filter: (p) => !p.includes(`${'/'}out`) });
      // a draft of GitHub links for the GitHub link facts step (there before the workbench, so that Quick Open lists it)
      writeFileSync(
        join(workspace, 'tsc-meeting.md'),
        [
          '# Node.js TSC meeting',
          '',
          '- Permission model: https://github.com/nodejs/node/pull/58837 landed',
          '- Meeting time: https://github.com/nodejs/TSC/issues/1656',
          '- Shared with OpenStack: https://review.opendev.org/c/openstack/nova/+/912345',
          '',
        ].join('\n'),
      );
      // no test looks links up on the real services: the link facts walk points them at a fake one
      vscode = await startCodeServer({ folder: workspace, extensions: [vsix], settings: { 'midcycle.linkFacts.enabled': 'off' } });
      browser = await launchBrowser();
      // clipboard access as a writer's browser grants a focused page: the copy test reads it back
      const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, permissions: ['clipboard-read', 'clipboard-write'] });
      page = await context.newPage();
      await page.goto(vscode.url);
      await page.locator('.monaco-workbench').waitFor({ timeout: LONG });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: LONG });
    });

    // what the screen showed when a step failed: a test artifact beside the others
    afterEach(async (t) => {
      if (page && t.signal?.aborted === false) await shot(`last-${t.name.replace(/\W+/g, '-').slice(0, 40)}`).catch(() => undefined);
    });

    after(async () => {
      await services?.close();
      await browser?.close();
      await vscode?.stop();
      if (workspace) rmSync(workspace, { recursive: true, force: true });
      services = browser = vscode = workspace = undefined;
    });

    it("the Report Topics view lists the reference email's ten topics", async () => {
      await openFile('neutron-mitaka-midcycle.md');
      // found where a writer looks first: Midcycle's own entry in the activity bar
      await page.locator('.activitybar .action-item a[aria-label^="Midcycle"]').click();
      const rows = topicsPane().locator('.monaco-list-row');
      await rows.filter({ hasText: 'Stadium' }).waitFor({ timeout: LONG });
      const labels = (await rows.locator('.label-name').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(labels.slice(0, 10), [
        'Neutron-lib',
        'Routed-networks',
        'Troubleshooting',
        'Usability and stability fixes',
        'CI jobs cleanup',
        'Nova integration aspects',
        'OpenStack client transition plan',
        'OVN and OVS integration',
        'API docs and docs in general',
        'Stadium',
      ]);
      assert.match(await rows.filter({ hasText: 'Usability and stability fixes' }).innerText(), /6 reviews · 2 bugs · 2 actions/);
      assert.match(await page.locator('.statusbar-item', { hasText: 'topics' }).first().innerText(), /10 topics/);
      await shot('topics-tree');
    });

    it('clicking "Troubleshooting" puts the cursor at its title and leaves the focus in the view; Enter moves the focus', async () => {
      await topicsPane().locator('.monaco-list-row', { hasText: 'Troubleshooting' }).click();
      await page.waitForFunction(() => /Ln 29, Col 3/.test(document.querySelector('.statusbar')?.textContent ?? ''), null, { timeout: LONG });
      assert.deepEqual(await cursorPosition(), { line: 29, column: 3 });
      assert.equal(
        await page.evaluate(() => !!document.activeElement?.closest('[id="workbench.view.extension.midcycle"]')),
        true,
        'the focus stays in the view',
      );
      await shot('troubleshooting-selected');
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor.focused').first().waitFor({ timeout: LONG });
      assert.deepEqual(await cursorPosition(), { line: 29, column: 3 });

      // a double click moves the focus too
      await topicsPane().locator('.monaco-list-row', { hasText: 'CI jobs cleanup' }).click();
      await page.waitForFunction(() => !document.activeElement?.closest('.monaco-editor'), null, { timeout: LONG });
      await topicsPane().locator('.monaco-list-row', { hasText: 'CI jobs cleanup' }).dblclick();
      await page.locator('.monaco-editor.focused').first().waitFor({ timeout: LONG });

      // Alt+Up in the view moves the selected topic above the one before it; Alt+Down moves it back
      const row = topicsPane().locator('.monaco-list-row', { hasText: 'Troubleshooting' });
      await row.click();
      await page.keyboard.press('Alt+ArrowUp');
      // the top-level rows: the view may have expanded a topic around the cursor meanwhile
      const labels = async () => (await topicsPane().locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts()).map((t) => t.trim());
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[id="workbench.view.extension.midcycle"] .monaco-list-row[aria-level="1"] .label-name')].map((e) =>
            e.textContent.trim(),
          )[1] === 'Troubleshooting',
        null,
        { timeout: LONG },
      );
      assert.deepEqual((await labels()).slice(0, 3), ['Neutron-lib', 'Troubleshooting', 'Routed-networks']);
      await page.keyboard.press('Alt+ArrowDown');
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[id="workbench.view.extension.midcycle"] .monaco-list-row[aria-level="1"] .label-name')].map((e) =>
            e.textContent.trim(),
          )[2] === 'Troubleshooting',
        null,
        { timeout: LONG },
      );
      assert.deepEqual((await labels()).slice(0, 3), ['Neutron-lib', 'Routed-networks', 'Troubleshooting']);
      await row.click();
      await page.waitForFunction(() => /Ln 29, Col 3/.test(document.querySelector('.statusbar')?.textContent ?? ''), null, { timeout: LONG });
    });

    it("the Outline lists the report's topics", async () => {
      await runCommand('Explorer: Focus on Outline View');
      // the folder's pane folded away, so that the Outline has the room to show the topics
      const folder = page.locator('.pane-header[aria-expanded="true"]', { has: page.locator('h3', { hasText: /midcycle-e2e/i }) });
      if (await folder.count()) await folder.click();
      const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Outline' }) });
      await outline.locator('.monaco-list-row', { hasText: 'Troubleshooting' }).waitFor({ timeout: LONG });
      const labels = (await outline.locator('.monaco-list-row .label-name').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(labels.slice(0, 2), ['Neutron-lib', 'Routed-networks']);
      assert.ok(labels.includes('Troubleshooting'), labels.join(', '));
      // the breadcrumbs name the topic the cursor is in (line 29, from the test before)
      // (they follow the cursor after a pause of their own: waited for, not read at once)
      await page.locator('.breadcrumbs-control', { hasText: 'Troubleshooting' }).first().waitFor({ timeout: LONG });
      await shot('outline');
      await page.locator('.activitybar .action-item a[aria-label^="Midcycle"]').click();
    });

    it('a malformed bug link shows in the Problems panel, and its quick fix corrects it', async () => {
      await openFile('nova-ptg-summary.md');
      await runCommand('View: Focus Problems');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'Launchpad bug link has "+bugs"' });
      await problem.waitFor({ timeout: LONG });
      assert.match(await problem.innerText(), /bug-plural/);
      await shot('problems-panel');

      // to the problem's line, then Ctrl+. as a writer would, once the light bulb says the quick fix
      // is there: pressed before Midcycle's code actions answered (a cold extension host), Ctrl+.
      // finds none and shows no menu
      await goTo(24, 45);
      await page.locator('.monaco-editor .lightBulbWidget, .monaco-editor .gutter-lightbulb').first().waitFor({ state: 'visible', timeout: LONG });
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to https://bugs.launchpad.net/nova/+bug/1963617' });
      // the menu answers the key press; a press the editor did not get (its focus still moving back
      // from Go to Line) is pressed again once the editor has the focus
      for (let attempt = 0; ; attempt++) {
        await page.locator('.monaco-editor.focused').first().waitFor({ timeout: LONG });
        await page.keyboard.press('Control+.');
        try {
          await fix.waitFor({ timeout: 10_000 });
          break;
        } catch (e) {
          if (attempt === 2) throw e;
          await page.keyboard.press('Escape');
        }
      }
      await shot('quick-fix');
      await fix.click();
      await page
        .locator('.monaco-editor .view-lines', { hasText: 'https://bugs.launchpad.net/nova/+bug/1963617 and is a release blocker' })
        .waitFor({ timeout: LONG });
      await problem.waitFor({ state: 'detached', timeout: LONG });
      assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: '"+bugs"' }).count(), 0);
    });

    it('"Export Midcycle Email" from the command palette writes the HTML and opens the preview', async () => {
      await openFile('neutron-mitaka-midcycle.md');
      await runCommand('Midcycle: Export Midcycle Email');
      await page.locator('.notifications-toasts', { hasText: 'Exported the email to neutron-mitaka-midcycle.html' }).waitFor({ timeout: LONG });
      const written = join(workspace, 'neutron-mitaka-midcycle.html');
      assert.ok(existsSync(written), 'the HTML is written beside the draft');
      assert.ok(readFileSync(written, 'utf8').startsWith('<div dir="ltr">'));

      await page.locator('.tab', { hasText: 'Email: Neutron Mitaka mid-cycle report' }).waitFor({ timeout: LONG });
      // the webview's document sits in an iframe inside an iframe
      const mail = await waitForFrameWith('.mail');
      assert.match(await mail.locator('.headers').innerText(), /Subject\s+Neutron Mitaka mid-cycle report/);
      assert.match(await mail.locator('.mail').innerText(), /We touched on these topics/);
      assert.equal(await mail.locator('.mail a').count(), 23);
      // no script of the document's: only VS Code's webview API script and ours, with its nonce
      const scripts = await mail.evaluate(() => [...document.scripts].map((x) => ({ id: x.id, nonce: x.nonce })));
      assert.ok(
        scripts.every((x) => x.id === '_vscodeApiScript' || x.nonce),
        JSON.stringify(scripts),
      );
      assert.equal(scripts.filter((x) => x.nonce).length, 1);
      await shot('email-preview');
    });

    it('"Copy for Pasting" in the preview puts rich text on the clipboard that a mail composer pastes with its lists and links', async () => {
      const mail = await waitForFrameWith('.mail');
      await mail.locator('#copy-rich').click();
      await page.locator('.notifications-toasts', { hasText: 'Copied the email as rich text' }).waitFor({ timeout: LONG });
      const clip = await page.evaluate(async () => {
        const out = {};
        for (const item of await navigator.clipboard.read()) for (const type of item.types) out[type] = await (await item.getType(type)).text();
        return out;
      });
      assert.deepEqual(Object.keys(clip).sort(), ['text/html', 'text/plain']);
      assert.match(clip['text/html'], /<a href="https:\/\/review\.openstack\.org\/#\/c\/282876\/14">/);
      assert.match(clip['text/plain'], /^Hi Neutrinos,/);
      assert.ok(!clip['text/plain'].includes('<div'), 'the plain alternative is text');

      // a composer of its own (a contenteditable, as Gmail's is): Ctrl+V there, as the writer would
      const composer = await page.context().newPage();
      try {
        await composer.setContent('<div id="compose" contenteditable="true" style="min-height: 200px"></div>');
        await composer.locator('#compose').click();
        await composer.keyboard.press('Control+v');
        const pasted = composer.locator('#compose');
        await pasted.locator('a').first().waitFor({ timeout: LONG });
        assert.equal(await pasted.locator('a').count(), 23, 'every link pasted as a link');
        assert.ok((await pasted.locator('ul ul, ul > li + ul').count()) > 0, 'nested lists pasted as lists');
        assert.match(await pasted.innerText(), /We touched on these topics/);
      } finally {
        await composer.close();
      }
      await shot('copied-for-pasting');
    });

    it(
      "on the web, the reference's links are not looked up: Refresh Link Facts says why (GitHub's alone can be)",
      { skip: !build.web && 'the desktop looks them up' },
      async () => {
        await openFile('neutron-mitaka-midcycle.md');
        await runCommand('Midcycle: Refresh Link Facts');
        await page.locator('.notifications-toasts .notification-toast', { hasText: "looks up GitHub's links only" }).waitFor({ timeout: LONG });
        await shot('link-facts-web-why');
      },
    );

    it(
      'link facts: asked once, then the tree and hovers show what Gerrit and Launchpad say (a fake of them on 127.0.0.1)',
      { skip: build.web && "not on the web: the services refuse a browser's cross-origin requests" },
      async () => {
        // every change, bug and blueprint the reference links to, with made-up subjects: a test server's data
        const change = (subject, status, owner) => ({ subject, status, project: 'openstack/neutron', owner });
        services = await startFakeServicesForE2e({
          changes: {
            225384: change('Routed networks specification', 'MERGED', 'Carl Baldwin'),
            283798: change('Fix MTU on DVR router interfaces', 'MERGED', 'Brian Haley'),
            285532: change('Deprecate network_device_mtu', 'MERGED', 'Ihar Hrachyshka'),
            284818: change('Account for IPv6 tunnel overhead in MTU', 'NEW', 'Ihar Hrachyshka'),
            283790: change('Drop the old MTU calculation', 'ABANDONED', 'Sean Collins'),
            284814: change('Use the network MTU for veth pairs', 'MERGED', 'Ihar Hrachyshka'),
            282876: change('L3 HA: retry on router create races', 'NEW', 'Kevin Benton'),
            280427: change('De-fork the API job', 'MERGED', 'Assaf Muller'),
            285116: change('Run scenario tests in the -plus job', 'NEW', 'Assaf Muller'),
            283206: change('Get me a network (Nova spec)', 'MERGED', 'Matt Riedemann'),
            283133: change('Document auto-allocated topologies', 'NEW', 'Armando Migliaccio'),
            283849: change('Validate ports before boot', 'NEW', 'Matt Riedemann'),
            284307: change('Batch port lookups for Nova', 'ABANDONED', 'Matt Riedemann'),
            282555: change('OSC transition plan for Neutron', 'MERGED', 'Richard Theis'),
            281628: change('Neutron stadium governance', 'NEW', 'Armando Migliaccio'),
          },
          bugs: {
            1507499: { title: 'Troubleshooting: a dashboard for operators [RFE]', tasks: [{ target: 'neutron', status: 'Triaged', importance: 'Wishlist' }] },
            1542108: {
              title: 'MTU mismatch between Nova and Neutron interfaces',
              tasks: [
                { target: 'neutron', status: 'Fix Released', importance: 'High' },
                { target: 'nova', status: 'Fix Released', importance: 'High' },
              ],
            },
            1542475: { title: 'Tunnel overhead not accounted for over IPv6', tasks: [{ target: 'neutron', status: 'In Progress', importance: 'Medium' }] },
            1521291: { title: 'Transition the neutron CLI to OpenStack client', tasks: [{ target: 'neutron', status: 'Confirmed', importance: 'Medium' }] },
          },
          specs: { 'neutron/get-me-a-network': { title: 'Get me a network', implementation_status: 'Started' } },
        });
        // the workspace's settings point Midcycle at the fake services and let it ask: as a writer's would
        mkdirSync(join(workspace, '.vscode'), { recursive: true });
        writeFileSync(
          join(workspace, '.vscode', 'settings.json'),
          JSON.stringify(
            {
              'midcycle.linkFacts.enabled': 'ask',
              'midcycle.linkFacts.gerritApi': { 'review.openstack.org': services.gerrit },
              'midcycle.linkFacts.launchpadApi': services.launchpad,
            },
            null,
            2,
          ),
        );
        // the draft's own group (the preview opened beside it)
        await page.keyboard.press('Control+1');
        await openFile('neutron-mitaka-midcycle.md');
        const question = page.locator('.notifications-toasts .notification-toast', { hasText: 'Only their numbers are sent, never the draft' });
        await question.waitFor({ timeout: LONG });
        await shot('link-facts-question');
        await question.locator('a.monaco-button, .monaco-button', { hasText: 'Look Up Links' }).click();

        const usability = topicsPane().locator('.monaco-list-row', { hasText: 'Usability and stability fixes' });
        await usability.filter({ hasText: '3 merged · 2 open · 1 abandoned' }).waitFor({ timeout: LONG });
        const expand = async (row) => {
          if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
        };
        await expand(usability);
        await expand(topicsPane().locator('.monaco-list-row', { hasText: 'MTU cleanups' }));
        const merged = topicsPane().locator('.monaco-list-row', { hasText: 'merged · Fix MTU on DVR router interfaces' });
        await merged.waitFor({ timeout: LONG });
        assert.match(
          await topicsPane().locator('.monaco-list-row', { hasText: 'bug 1542475' }).innerText(),
          /In Progress · Tunnel overhead not accounted for over IPv6/,
        );
        // Problems: the abandoned changes
        await runCommand('View: Focus Problems');
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'Change 284307 was abandoned' }).waitFor({ timeout: LONG });
        await shot('link-facts-tree');

        // the hover on a review link, as Ctrl+K Ctrl+I shows it
        await goTo(37, 20);
        await page.locator('.monaco-editor.focused').first().waitFor({ timeout: LONG });
        await page.keyboard.press('Control+k');
        await page.keyboard.press('Control+i');
        const hover = page.locator('.monaco-hover', { hasText: 'merged in openstack/neutron by Brian Haley' });
        await hover.waitFor({ timeout: LONG });
        assert.match(await hover.innerText(), /“Fix MTU on DVR router interfaces”/);
        await shot('link-facts-hover');
        assert.ok(
          services.requests.length >= 20 && services.requests.every((p) => p.startsWith('/gerrit/') || p.startsWith('/launchpad/')),
          services.requests.join(' '),
        );
      },
    );

    it("link facts of GitHub's links, on the desktop and the web: the pull request's title and state in the tree and its hover (a fake GitHub on 127.0.0.1 that answers a browser, as api.github.com does)", async () => {
      const github = await startFakeServicesForE2e({
        github: {
          'nodejs/node#58837': { title: 'src: add the permission model audit log', state: 'closed', pull: true, merged: true, user: 'rafaelgss' },
          'nodejs/TSC#1656': { title: 'Moving the TSC meeting to a new time', state: 'open', user: 'mhdawson' },
        },
        changes: { 912345: { subject: 'Unified limits: the last piece', status: 'NEW', project: 'openstack/nova', owner: 'Balazs Gibizer' } },
      });
      try {
        mkdirSync(join(workspace, '.vscode'), { recursive: true });
        writeFileSync(
          join(workspace, '.vscode', 'settings.json'),
          JSON.stringify(
            {
              'midcycle.linkFacts.enabled': 'ask',
              'midcycle.linkFacts.githubApi': github.github,
              'midcycle.linkFacts.gerritApi': { 'review.opendev.org': github.gerrit },
            },
            null,
            2,
          ),
        );
        await page.keyboard.press('Control+1');
        await openFile('tsc-meeting.md');
        if (build.web) {
          // the web asks of GitHub alone (the desktop's workspace said yes in the step before)
          const question = page.locator('.notifications-toasts .notification-toast', { hasText: 'asking GitHub' });
          await question.waitFor({ timeout: LONG });
          await shot('link-facts-github-question');
          await question.locator('a.monaco-button, .monaco-button', { hasText: 'Look Up Links' }).click();
        }
        // a row expanded until its child shows: the tree is drawn again as the facts arrive
        const expand = async (title, child) => {
          const row = topicsPane().locator('.monaco-list-row', { hasText: title }).first();
          const shown = topicsPane().locator('.monaco-list-row', { hasText: child }).first();
          for (const end = Date.now() + LONG; !(await shown.isVisible());) {
            if (Date.now() > end) throw new Error(`${title} does not show ${child}`);
            if ((await row.isVisible()) && (await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
            await new Promise((r) => setTimeout(r, 300));
          }
        };
        await expand('Node.js TSC meeting', 'Permission model');
        await expand('Permission model', 'src: add the permission model audit log');
        await topicsPane().locator('.monaco-list-row', { hasText: 'src: add the permission model audit log' }).first().waitFor({ timeout: LONG });
        await shot('link-facts-github-tree');
        // the mouse over the pull request's link in the draft, as a writer points at it
        await page.locator('.monaco-editor .view-line span', { hasText: 'github.com/nodejs/' }).first().hover();
        const hover = page.locator('.monaco-hover', { hasText: 'src: add the permission model audit log' });
        await hover.waitFor({ timeout: LONG });
        assert.match(await hover.innerText(), /GitHub pull request #58837[\s\S]*merged by rafaelgss/);
        await shot('link-facts-github-hover');
        const asked = [...new Set(github.requests)].sort();
        if (build.web) assert.deepEqual(asked, ['/github/repos/nodejs/TSC/issues/1656', '/github/repos/nodejs/node/pulls/58837'], 'the web asks GitHub alone');
        // the desktop asks every tracker (the other open drafts' Gerrit links too, the API setting having changed)
        else
          for (const path of ['/gerrit/changes/912345', '/github/repos/nodejs/TSC/issues/1656', '/github/repos/nodejs/node/pulls/58837'])
            assert.ok(asked.includes(path), path);
      } finally {
        await github.close();
      }
    });
  });

async function waitForFrameWith(selector) {
  const deadline = Date.now() + LONG;
  for (;;) {
    for (const frame of page.frames()) {
      if (
        await frame
          .locator(selector)
          .count()
          .catch(() => 0)
      )
        return frame;
    }
    if (Date.now() > deadline) throw new Error(`no frame shows ${selector}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// A real VS Code for tests and the demo: code-server (VS Code's own server and workbench, from npm)
// started on 127.0.0.1 with fresh profile folders and the given .vsix files installed, and headless
// Debian chromium to open it (the extension host starts only when a browser connects).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A set-up step failed: setup.sh has already printed why and where its log is. */
export class SetupError extends Error {}

/**
 * Installs (first time only) and returns the paths of Node 24, code-server and chromium. setup.sh
 * prints its progress, and on failure the reason and its log's path, on stderr.
 */
export function setup() {
  const r = spawnSync('bash', [join(here, 'setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0)
    throw new SetupError(
      `setting up VS Code for Midcycle failed (${r.error?.message ?? `test/e2e/setup.sh exited ${r.status ?? r.signal}`}); the reason is above`,
    );
  return Object.fromEntries(
    r.stdout
      .trim()
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** Prints an error as one line for a person (set-up failures already said why), and exits. */
export function exitWithError(e) {
  console.error(e instanceof SetupError ? `\n${e.message}.` : `\n${e?.stack ?? e}`);
  process.exit(1);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * This process's environment without what `npm run` put there (npm_config_*, npm_package_*, NODE,
 * its PATH entries, NODE_OPTIONS): code-server runs on its own Node 24, and neither it nor the
 * extension host should read settings meant for the npm that started the tests.
 */
function ownEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || ['NODE', 'INIT_CWD', 'NODE_OPTIONS', 'NODE_PATH'].includes(k)) continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(':')
    .filter((p) => p && !/node_modules\/\.bin|node-gyp-bin/.test(p))
    .join(':');
  return env;
}

/** User settings for a quiet workbench: no welcome page, no chat, no trust prompt, no telemetry. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
  'git.enabled': false,
  'files.autoSave': 'off',
};

/**
 * Starts code-server with `extensions` (.vsix paths) installed and `folder` open.
 * Returns { url, port, dirs, logs(), stop() }.
 */
export async function startCodeServer({ folder, extensions = [], env = {}, port, settings = {}, log = () => {} }) {
  const paths = setup();
  const root = mkdtempSync(join(tmpdir(), 'midcycle-vscode-'));
  const dirs = { root, userData: join(root, 'user-data'), extensions: join(root, 'extensions'), xdg: join(root, 'xdg') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));

  const env0 = ownEnv();
  const baseEnv = { ...env0, XDG_CONFIG_HOME: join(dirs.xdg, 'config'), XDG_DATA_HOME: join(dirs.xdg, 'data'), PATH: `${dirname(paths.node)}:${env0.PATH}` };
  for (const vsix of extensions) {
    execFileSync(paths.node, [paths.code_server, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], {
      env: baseEnv,
      stdio: 'pipe',
    });
  }

  port ??= await freePort();
  const output = [];
  const child = spawn(
    paths.node,
    [
      paths.code_server,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      folder,
    ],
    { env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on port ${port} within 60 s:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`code-server is up: ${url}`);

  return {
    url,
    port,
    dirs,
    paths,
    output: () => output.join(''),
    stop: async () => {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null)
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Headless Debian chromium, as root needs it, with no traffic beyond 127.0.0.1. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

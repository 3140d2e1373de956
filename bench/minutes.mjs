// How well the outline reads meeting minutes: action items against a reader's labels (precision,
// recall, done), and the topics' noise titles. `node bench/minutes.mjs LABELS.json… [--verbose]`
// after `npm run build`; bench/minutes/realworld.json labels ../shared/realworld and the reference.
// A labels file: { sets: { name: [{ file, actions: [{ line | lines, owner, done? }] }] } }, a file
// relative to the repository's root. A found item matches a label with its owner (case aside; a
// full name matches its first name) on one of its lines; found again on another of those lines (a
// bot's summary repeating it) it counts neither way.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) files.push(path.join(root, 'bench/minutes/realworld.json'));

/** Words that are only a marker, never a title. */
const MARKERS = /^(?:action|actions|AI|AR|ACTION|TODO|#action|agreed|info|idea|link)$/i;
/** Titles of attendee lists: their entries are no topics. */
const ATTENDEES =
  /^(?:(?:steering committee |council )?attendees|attendance|present|people present|participants|roll call|members|visitors|members of the community|introduction of attendees)\b/i;
/** Words of labels, not speakers: "Proposal: …", "Resolution: …". */
const LABEL_WORDS =
  /^(?:proposal|resolution|conclusion|decision|note|notes|goal|time|topic|agenda|action items?|status|question|answer|update|context|background|summary|next steps?|votes|issue|bug|fix|feedback|discussion|outcome|result|pros|cons|options?|topics|note taker|bosun|moderators|artifacts|re|eg|ie|slack-infra|github-management|community-management|mentoring|events)$/;
/** A bot's stamp: "(rbasak, 21:38)". */
const STAMP = /^\(?[\w.|-]+, \d\d:\d\d\)?$/;

function outline(file) {
  const r = spawnSync(process.execPath, [process.env.MIDCYCLE_CLI ?? path.join(root, 'dist/cli.js'), 'outline', file, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Names the draft uses as speakers or lists as attendees, lower case. */
function speakers(text) {
  const out = new Set();
  for (const m of text.matchAll(/^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*)?\[([^\]\n]{1,30})\](?:\*\*)?\s/gm))
    for (const n of m[1].split(/[/,&]/)) out.add(n.trim().toLowerCase());
  // "Name: remark" twice or more, a label's word aside ("Proposal:", "Resolution:")
  const said = new Map();
  for (const m of text.matchAll(/^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*)?([A-Z][\w'-]*(?: [A-Z][\w'-]*)?|[a-z][a-z0-9_-]+)(?:\*\*)?:(?:\*\*)?\s/gm)) {
    const n = m[1].toLowerCase();
    said.set(n, (said.get(n) ?? 0) + 1);
  }
  // a hyphenated word is a label's ("Contributor-documentation:"), not a name
  for (const [n, times] of said) if (times >= 2 && !LABEL_WORDS.test(n) && !n.includes('-')) out.add(n);
  return out;
}

function noiseOf(o, text) {
  const who = speakers(text);
  const noise = [];
  let total = 0;
  const walk = (topics, parentTitle) => {
    const counts = new Map();
    for (const t of topics) counts.set(t.title, (counts.get(t.title) ?? 0) + 1);
    for (const t of topics) {
      total++;
      const bare = t.title.replace(/^\[|\]$|[*:]/g, '').trim();
      let why;
      if (counts.get(t.title) >= 3) why = 'shared by siblings';
      else if (MARKERS.test(bare)) why = 'a marker';
      else if (STAMP.test(t.title) || /^\(\S+, \d\d:\d\d\)/.test(t.title)) why = 'a bot stamp';
      else if (/^\[[ xX]\]/.test(t.title)) why = 'a task box';
      else if (who.has(bare.toLowerCase()) || /^\[[^\]]+\]$/.test(t.title)) why = 'only a speaker';
      else if (parentTitle !== undefined && ATTENDEES.test(parentTitle.replace(/[*:]/g, '').trim()) && t.kind === 'item') why = 'an attendee';
      else if (t.kind === 'item' && t.actions.some((a) => a.line === t.line && t.title.toLowerCase().startsWith(a.owner.toLowerCase()))) why = 'an action line';
      if (why) noise.push({ line: t.line, title: t.title, why });
      walk(t.children, t.title);
    }
  };
  walk(o.topics, undefined);
  return { total, noise };
}

function sameOwner(found, label) {
  const f = found.toLowerCase().replace(/^@/, '');
  const l = label.toLowerCase();
  return f === l || f.split(/\s+/)[0] === l || l.split(/\s+/)[0] === f;
}

const totals = new Map();
for (const labelsFile of files) {
  const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8'));
  for (const [set, docs] of Object.entries(labels.sets)) {
    const t = totals.get(set) ?? { tp: 0, fp: 0, fn: 0, labelled: 0, doneRight: 0, doneLabelled: 0, doneWrong: 0, topics: 0, noise: 0, docs: 0 };
    totals.set(set, t);
    for (const doc of docs) {
      const file = path.resolve(root, doc.file);
      const o = outline(file);
      const text = fs.readFileSync(file, 'utf8');
      const wanted = doc.actions.map((a) => ({ ...a, lines: a.lines ?? [a.line], matched: false }));
      const misses = [];
      const extra = [];
      for (const a of o.actions) {
        const label = wanted.find((w) => w.lines.includes(a.line) && sameOwner(a.owner, w.owner));
        if (!label) {
          extra.push(a);
          continue;
        }
        if (label.matched) continue;
        label.matched = true;
        t.tp++;
        if (label.done) t.doneRight += a.done === true ? 1 : 0;
        else if (a.done) t.doneWrong++;
      }
      for (const w of wanted) {
        if (!w.matched) misses.push(w);
        if (w.done) t.doneLabelled++;
      }
      t.fp += extra.length;
      t.fn += misses.length;
      t.labelled += wanted.length;
      const { total, noise } = noiseOf(o, text);
      t.topics += total;
      t.noise += noise.length;
      t.docs++;
      if (verbose) {
        console.log(`\n${set}: ${doc.file}: ${o.actions.length} found, ${wanted.length} labelled, ${total} topics, ${noise.length} noise`);
        for (const m of misses) console.log(`  missed  ${m.lines.join('/')} ${m.owner}`);
        for (const e of extra) console.log(`  extra   ${e.line} ${e.owner} | ${e.text}`);
        for (const n of noise) console.log(`  noise   ${n.line} ${JSON.stringify(n.title)} (${n.why})`);
      }
    }
  }
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(0)}%` : '—');
console.log('\nset        docs  labelled  found  precision  recall  done  topics  noise');
for (const [set, t] of totals) {
  const found = t.tp + t.fp;
  console.log(
    `${set.padEnd(10)} ${String(t.docs).padStart(4)}  ${String(t.labelled).padStart(8)}  ${String(found).padStart(5)}  ${pct(t.tp, found).padStart(9)}  ${pct(t.tp, t.labelled).padStart(6)}  ${`${t.doneRight}/${t.doneLabelled}`.padStart(4)}  ${String(t.topics).padStart(6)}  ${String(t.noise).padStart(5)}`,
  );
}

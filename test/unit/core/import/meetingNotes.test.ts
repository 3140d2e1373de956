// A meeting's notes as a draft to write the report from: an etherpad's text, MeetBot's and
// meetingology's minutes (text, a page's text, HTML), plain notes. What a writer sees: the notes'
// topics as the draft's topics, every line and link kept, action items, attendees in the front
// matter, votes and bot noise gone where they stood alone, and a draft that exports.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportEmail, exportText, parseReport, toOutline, type OutlineTopic, type Report } from '../../../../src/core';
import { importMessage } from '../../../../src/core/import/importMessage';
import { importMeetingNotes } from '../../../../src/core/import/meetingNotes';
import { attendeesOf } from '../../../../src/core/people/attendees';

const root = path.join(__dirname, '..', '..', '..', '..');
const notes = (name: string) => fs.readFileSync(path.join(root, 'test', 'fixtures', 'notes', name), 'utf8');
const titles = (topics: readonly OutlineTopic[]): string[] => topics.flatMap((t) => [t.title, ...titles(t.children)]);
const urls = (text: string) => [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0].replace(/[.,;:)]+$/, ''));
const actions = (r: Report) => r.actions.map((a) => `${a.owner}: ${a.text}`);

describe("an etherpad's text as a draft", () => {
  const pad = notes('neutron-yoga-ptg.txt');
  const imported = importMeetingNotes(pad, { pad: 'https://etherpad.opendev.org/p/neutron-yoga-ptg' });
  const report = parseReport(imported.markdown);

  it("makes the pad's structure Markdown: underlined and == x == headings, tab-indented bullets and numbers nested, a line heading a block a topic", () => {
    const outline = toOutline(report);
    assert.deepEqual(
      outline.topics.map((t) => [t.title, t.kind, t.children.map((c) => c.title)]),
      [['Neutron Yoga PTG', 'heading', ['Monday (Oct 18)', 'Tuesday (Oct 19)']]],
    );
    const [monday, tuesday] = outline.topics[0].children;
    assert.deepEqual(
      monday.children.map((t) => t.title),
      // siblings that share the pad's "Topic:" label keep what follows it
      ['Topic: Xena retrospective (slaweq)', 'Topic: OVN migration status (ralonsoh)'],
    );
    assert.deepEqual(
      tuesday.children.map((t) => t.title),
      ['Secure RBAC', 'Bug deputy rotation', 'Stadium projects'],
    );
    assert.deepEqual(
      monday.children[0].children.map((t) => t.title),
      ['What went well', 'What should be improved'],
    );
    assert.match(
      imported.markdown,
      /^- Bug deputy rotation\n {2}1\. keep the weekly rotation\n {2}2\. hand over the report at the team meeting\n {5}1\. lajoskatona/m,
    );
  });

  it('keeps every link of the pad, and links the pad itself', () => {
    const links = report.links.map((l) => l.url);
    for (const url of urls(pad)) assert.ok(links.includes(url), url);
    assert.equal(links[0], 'https://etherpad.opendev.org/p/neutron-yoga-ptg');
    assert.equal(links.length, urls(pad).length + 1);
  });

  it('finds its action items: AI:, ACTION: and "nick to do …", under the topics they were noted in', () => {
    assert.deepEqual(actions(report), [
      'slaweq: send an email about the recheck policy to the ML',
      'ralonsoh: check with the ironic team what is needed',
      'haleyb: update the api-ref for the new policies',
      'lajoskatona: start the list for Yoga: https://wiki.openstack.org/wiki/Network/Meetings#Bug_deputy',
      'obondarev: follow up with the networking-bagpipe folks',
    ]);
  });

  it('puts the attendee list in the front matter, names and nicks, and no topic of it', () => {
    assert.deepEqual(report.frontMatter.attendees, [
      'Slawek Kaplonski (slaweq)',
      'Rodolfo Alonso (ralonsoh)',
      'Lajos Katona (lajoskatona)',
      'Brian Haley (haleyb)',
      'Bence Romsics (rubasov)',
      'Oleg Bondarev (obondarev)',
    ]);
    assert.deepEqual(
      attendeesOf(report.frontMatter).map((a) => a.nick),
      ['slaweq', 'ralonsoh', 'lajoskatona', 'haleyb', 'rubasov', 'obondarev'],
    );
    assert.ok(!titles(toOutline(report).topics).some((t) => /Attendees|Kaplonski/.test(t)));
    assert.equal(report.frontMatter.subject, 'Neutron Yoga PTG');
  });

  it('keeps every other line, as text; drops votes, waves and time stamps only where they stand alone', () => {
    const text = exportText(report, { width: 0 });
    const dropped = new Set(['+1', 'o/', '+1 ralonsoh', '14:00', '14:55']);
    for (const raw of pad.split('\n')) {
      const line = raw
        .trim()
        .replace(/^(?:[*]|\d+(?:\.\d+)*\.)\s+/, '')
        .replace(/^== (.*) ==$/, '$1');
      if (
        !line ||
        /^[=-]{3,}$/.test(line) ||
        dropped.has(line) ||
        (/^Attendees|\(\w+\)$/.test(line) && /Kaplonski|Alonso|Katona|Haley|Romsics|Bondarev|Attendees/.test(line))
      )
        continue;
      assert.ok(text.includes(line), `kept: ${line}`);
    }
    for (const gone of dropped) assert.ok(!text.split('\n').some((l) => l.replace(/^\s*[-\d.]+\s*/, '').trim() === gone), `dropped: ${gone}`);
    // a wave with words after it is a line of the notes
    assert.ok(text.includes('\\o/ thanks all, see you on Wednesday'));
    assert.equal(imported.reading, "as meeting notes (an etherpad's text): 6 attendees in the front matter; dropped 2 time stamps, 3 votes, 2 o/s");
  });

  it('keeps what the pad says as text, never markup: a pasted <script> is words in the email', () => {
    const html = exportEmail(report);
    assert.ok(html.includes("&lt;script&gt;alert('x')&lt;/script&gt; is what a *bad* paste looks like"), 'the paste, as text');
    assert.ok(!/<script/i.test(html));
    assert.deepEqual(report.diagnostics, []);
  });

  it('reads control characters out of the text, and nests no deeper than a draft can hold', () => {
    const draft = importMeetingNotes(`Notes\n* a\u001b[2J title\n${'\t'.repeat(40)}* deep\n`).markdown;
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(draft));
    assert.deepEqual(parseReport(draft).diagnostics, []);
  });
});

describe('notes as people type them in a pad', () => {
  const draft = importMeetingNotes(
    [
      'Attendance (please add your IRC nick):',
      '- gibi',
      '- bauzas',
      '-  ',
      '',
      'Zed retrospective',
      '',
      '\tWhat could be improved ?',
      '\t\t(bauzas) too many rechecks',
      '\t\t(gibi) +1',
      '\tAGREED: we will continue the review days',
      'we discussed the gate',
      'bauzas to write the gate doc',
      '',
      '- a bullet typed by hand',
      '  that wraps in an editor',
      '',
    ].join('\n'),
  );
  const report = parseReport(draft.markdown);

  it("ends the attendee list where the names end: the next topic is the notes', not a name", () => {
    assert.deepEqual(report.frontMatter.attendees, ['gibi', 'bauzas']);
    assert.deepEqual(
      toOutline(report).topics.map((t) => t.title),
      ['Zed retrospective', 'a bullet typed by hand'],
    );
  });

  it("nests Etherpad's indented lines under the line above them, each a note of its own; a line indented to an item's text goes on with it", () => {
    assert.match(
      draft.markdown,
      /^- Zed retrospective\n {2}- What could be improved \?\n {4}- \(bauzas\) too many rechecks\n {2}- AGREED: we will continue the review days\n/m,
    );
    assert.match(draft.markdown, /^- a bullet typed by hand\n {2}that wraps in an editor$/m);
  });

  it('keeps a note that holds an action item a paragraph of its own, so that its task ends with its line', () => {
    assert.deepEqual(actions(report), ['bauzas: write the gate doc']);
    assert.match(draft.markdown, /\n\nwe discussed the gate\n\nbauzas to write the gate doc\n/);
  });

  it("makes a line over its bullets a sub-section when the pad has sections: the bullets are that label's, not the section's", () => {
    const sections = importMeetingNotes(
      [
        'Nova PTG',
        '========',
        '',
        '== Unified limits ==',
        '* most of the series merged',
        '',
        'Pros',
        '* nothing',
        '',
        'We talked about these:',
        '* a sentence over a list stays a sentence',
        '',
        'gibi to write the upgrade doc',
        '* an action line stays a paragraph',
        '',
        'we move the gate once the',
        'remaining patches merge',
        '* a wrapped sentence stays one',
        '',
        'o/',
        '* a wave is no section',
      ].join('\n'),
    );
    const outline = toOutline(parseReport(sections.markdown));
    assert.deepEqual(
      outline.topics[0].children.map((t) => [t.title, t.children.map((c) => c.title)]),
      [['Unified limits', ['most of the series merged', 'Pros']]],
    );
    assert.match(sections.markdown, /^### Pros\n\n- nothing$/m);
    assert.match(sections.markdown, /^We talked about these:$/m);
    assert.match(sections.markdown, /^gibi to write the upgrade doc$/m);
    assert.match(sections.markdown, /^we move the gate once the\nremaining patches merge$/m);
    assert.doesNotMatch(sections.markdown, /^#+ o\//m);
    // notes without sections keep such a line as it was
    assert.match(importMeetingNotes('Open discussion\n* nothing\n').markdown, /^Open discussion\n/m);
  });
});

describe("MeetBot's minutes as a draft", () => {
  it("reads MeetBot's text minutes (Fedora's zodbot): the title the subject, the summary's topics the draft's, its ACTION lines once, the people present the attendees", async () => {
    const minutes = notes('fedora-releng-2015-02-09.txt');
    const imported = await importMessage(minutes, 'fedora-releng-2015-02-09.txt');
    assert.equal(imported.source, 'minutes');
    assert.equal(imported.reading, "as MeetBot minutes (text): 8 attendees in the front matter; dropped 2 bot's lines, 2 MeetBot's lists of action items");
    const report = parseReport(imported.markdown);
    assert.equal(report.frontMatter.subject, '#fedora-meeting-1: RELENG (2015-02-09)');
    assert.deepEqual(
      toOutline(report).topics.map((t) => t.title),
      [
        'init process',
        'Secondary Architectures updates',
        'Secondary Architectures update - ppc',
        'Secondary Architectures update - s390',
        'Secondary Architectures update - arm',
        '#6016 Use fedpkg-minimal in Fedora buildroots',
        '#5959 Enable keep-alive connections for koji…',
        '#6023 allow Peter Robinson to restart sigul bridges',
        '#6027 secondary arch old mash trees cleanup',
        '#6096 add individual email addressses to Fedoras GPG…',
        '#6100 create bsd-style checksum files for CHECKSUM files',
        'open floor',
      ],
    );
    assert.deepEqual(actions(report), [
      'pbrobinson: send patch to infra list enabling keepalive',
      'dgilmore: make a choice when making the keys',
      'dgilmore: make this happen',
    ]);
    assert.deepEqual(report.frontMatter.attendees, ['dgilmore', 'bochecha', 'tyll', 'pbrobinson', 'janeznemanic', 'masta', 'nirik', 'sharkcz']);
    const links = report.links.map((l) => l.url);
    for (const url of urls(minutes).filter((u) => !u.includes('wiki.debian.org/MeetBot'))) assert.ok(links.includes(url), url);
    // the wrapped lines joined: a stamp is whole, never a line of its own
    assert.ok(imported.markdown.includes('- LINK: https://fedorahosted.org/rel-eng/ticket/6016   (dgilmore, 16:39:38)'));
    assert.ok(exportEmail(report).includes('Meeting ended at 17:58:27 UTC.'));
  });

  it("reads meetingology's HTML minutes (Ubuntu's Technical Board): topics, the ACTION, the link, the people present but the bot", async () => {
    const imported = await importMessage(notes('ubuntu-technical-board-2022-02-22.html'), 'ubuntu-technical-board-2022-02-22.html');
    assert.equal(imported.source, 'minutes');
    const report = parseReport(imported.markdown);
    assertUbuntuMinutes(report);
    assert.equal(
      imported.reading,
      "as MeetBot minutes (HTML): 5 attendees in the front matter; dropped 1 time stamp, 1 bot's line, 2 MeetBot's lists of action items",
    );
  });

  it("reads the same minutes as their page's text (numbered items, the sections as lines of their own)", async () => {
    const imported = await importMessage(notes('ubuntu-technical-board-2022-02-22.txt'), 'minutes.txt');
    assertUbuntuMinutes(parseReport(imported.markdown));
  });

  it('reads notes as notes when asked, an email as an email otherwise', async () => {
    const asked = await importMessage('Nova sync\n\nTopic: gate\n\t* sean-k-mooney to look at the failures\n', 'notes.txt', { notes: true });
    assert.equal(asked.source, 'notes');
    assert.deepEqual(actions(parseReport(asked.markdown)), ['sean-k-mooney: look at the failures']);
    assert.equal((await importMessage('Hi all,\n\n* one\n', 'mail.txt')).source, 'text');
  });
});

function assertUbuntuMinutes(report: Report): void {
  assert.equal(report.frontMatter.subject, '#ubuntu-meeting: Technical Board meeting');
  assert.deepEqual(
    toOutline(report).topics.map((t) => t.title),
    [
      'Action review',
      'Definition of our third party repository policy',
      'Discuss DMB inactivity expiration policy…',
      'Scan the mailing list archive for anything we…',
      'Check up on community bugs (standing item)',
      'Select a chair for the next meeting…',
      'AOB',
    ],
  );
  assert.deepEqual(actions(report), ['rbasak: send out the private removal emails']);
  assert.deepEqual(report.frontMatter.attendees, ['rbasak', 'vorlon', 'sil2100', 'ddstreet', 'sarnold']);
  assert.deepEqual(report.links.map((l) => l.url).sort(), [
    'https://launchpad.net/~techboard/+members',
    'https://lists.ubuntu.com/archives/technical-board/2022-February/002607.html',
  ]);
}

describe('notes: what is noise', () => {
  const kept = (line: string) => exportText(parseReport(importMeetingNotes(`Topic: x\n\t* context\n\t* ${line}\n`).markdown), { width: 0 }).includes(line);
  it('drops a vote, a wave or a stamp alone, signed or not; keeps one with something to say', () => {
    for (const noise of ['+1', '-1', '+2', 'o/', '\\o/', '+1 ralonsoh', '+1 (amotoki)', '14:02', '[14:02]', '(rbasak, 21:38)', '[14:02] <slaweq> o/'])
      assert.ok(!kept(noise), `dropped: ${noise}`);
    for (const words of ['+1 to this, but we need tests', '-1 on the new API', 'o/ I can take it', 'meet at 14:02 UTC'])
      assert.ok(kept(words), `kept: ${words}`);
  });
});

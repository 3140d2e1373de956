// What is generated from the rule records (src/core/rules/ruleRecords.ts): the README's rule table, the
// `midcycle.severity` settings' schema in package.json, src/core/rules/ruleDefaults.ts, and a page per
// rule in docs/rules/ (shipped in the .vsix: a diagnostic's code opens its page). Each output
// takes the file as it is and gives it as it should be, so that `npm run rules` (scripts/rules.mjs)
// writes them and a unit test holds the committed files to them.
import { RULE_RECORDS, type RuleRecord } from '../src/core/rules/ruleRecords';
import type { Severity } from '../src/core/model/model';

export interface RuleOutput {
  /** From the repository's root. */
  path: string;
  /** The file's text as it should be, given its text now. */
  generate(current: string): string;
}

/** VS Code's word for a severity, as the settings take it. */
const settingWord = (severity: Severity) => (severity === 'info' ? 'information' : severity);

/** Inline code that holds any text: a fence longer than its longest run of backticks, `|` escaped for the table. */
function code(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const padded = fence.length > 1 || /^`|`$/.test(text) ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`.replace(/\|/g, '\\|');
}

const TABLE_NOTE = '<!-- Generated from src/core/rules/ruleRecords.ts by `npm run rules`: edit the records, not this table. -->';
const TABLE_HEADER = '| code | default | what it finds | example | fixed to |';

export function readmeRuleTable(records: readonly RuleRecord[] = RULE_RECORDS): string {
  const rows = records.map(({ code: c, severity, description, example }) => {
    const fixedTo = example ? (example.good !== undefined ? code(example.good) : '(no clear fix)') : '';
    // the anchor is what diagnostics link to (`#rule-<code>`): keep it
    return `| <a id="rule-${c}"></a>\`${c}\` | ${severity} | ${description.replace(/\|/g, '\\|')} | ${example ? code(example.bad) : ''} | ${fixedTo} |`;
  });
  return [TABLE_NOTE, '', TABLE_HEADER, '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with its rule table (and the note above it) as the records give it. */
export function readmeWithRules(readme: string): string {
  const lines = readme.split('\n');
  const header = lines.indexOf(TABLE_HEADER);
  if (header === -1) throw new Error(`README.md has no rule table (a line "${TABLE_HEADER}")`);
  let end = header;
  while (end + 1 < lines.length && lines[end + 1].startsWith('|')) end++;
  const note = lines.lastIndexOf(TABLE_NOTE, header);
  const start = note !== -1 && lines.slice(note + 1, header).every((l) => l.trim() === '') ? note : header;
  return [...lines.slice(0, start), readmeRuleTable(), ...lines.slice(end + 1)].join('\n');
}

/** The `properties` of the `midcycle.severity` setting: one per rule, its default and its words. */
export function severitySchema(records: readonly RuleRecord[] = RULE_RECORDS): Record<string, unknown> {
  return Object.fromEntries(
    records.map((r) => [
      r.code,
      { type: 'string', enum: ['error', 'warning', 'information', 'off'], default: settingWord(r.severity), markdownDescription: r.description },
    ]),
  );
}

/** package.json with the severity setting's schema as the records give it, written as npm writes it. */
export function manifestWithRules(manifest: string): string {
  const json = JSON.parse(manifest);
  const setting = json?.contributes?.configuration?.properties?.['midcycle.severity'];
  if (!setting) throw new Error('package.json has no contributes.configuration.properties["midcycle.severity"]');
  setting.properties = severitySchema();
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** src/core/rules/ruleDefaults.ts: the defaults alone, for the bundles. */
export function ruleDefaultsSource(records: readonly RuleRecord[] = RULE_RECORDS): string {
  return `// Generated from ruleRecords.ts by \`npm run rules\`: edit the records, not this file. The rules'
// default severities and nothing more of them: what the extension and the CLI ship (the records'
// words and examples stay out of the bundles). Its type holds it to the records.
import type { RULE_RECORDS } from './ruleRecords';

type Defaults = { readonly [R in (typeof RULE_RECORDS)[number] as R['code']]: R['severity'] };

export const RULE_DEFAULTS: Defaults = {
${records.map((r) => `  '${r.code}': '${r.severity}',`).join('\n')}
};

/** A rule's code: one the records have. */
export type RuleCode = keyof Defaults;
`;
}

/** What each group of rules looks at, in words, for the rule's page. */
const GROUP_WORDS: Record<RuleRecord['group'], string> = {
  link: 'how a review, bug, blueprint, story or etherpad link is written',
  facts: "what a link's tracker (Gerrit, Launchpad, StoryBoard, GitHub, GitLab, Jira, Bugzilla) says of it (checked online, once link facts are allowed)",
  document: "the draft's Markdown: what would swallow part of the report, or leave it out of the email",
  file: 'the draft as a file',
  people: "the action items' owners",
  message: "the message's headers, from the front matter",
  followUps: 'the last report the front matter names (`previous:`) and its action items',
};

/** A fenced block that holds any text: a fence longer than its longest run of backticks. */
function block(text: string): string {
  const fence = '`'.repeat(Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/** docs/rules/<code>.md: the page a diagnostic's code opens, in VS Code's Markdown preview. */
export function ruleDoc(record: RuleRecord): string {
  const { code: c, group, severity, description, example } = record;
  const lines = [
    '<!-- Generated from src/core/rules/ruleRecords.ts by `npm run rules`: edit the records, not this page. -->',
    '',
    `# Midcycle rule \`${c}\``,
    '',
    `Default severity: **${settingWord(severity)}**. It looks at ${GROUP_WORDS[group]}.`,
    '',
    description,
    '',
  ];
  if (example) {
    lines.push('## Example', '', 'Reported:', '', block(example.bad), '');
    if (example.good !== undefined) lines.push('Its quick fix (`Ctrl+.`) writes:', '', block(example.good), '');
    else lines.push('It has no quick fix: what was meant is not clear.', '');
  }
  lines.push(
    '## Its severity',
    '',
    'Set it, or turn the rule off, in the `midcycle.severity` setting:',
    '',
    '```json',
    `"midcycle.severity": { "${c}": "${severity === 'error' ? 'warning' : 'error'}" }`,
    '```',
    '',
  );
  return lines.join('\n');
}

export const RULE_DOCS_FOLDER = 'docs/rules';

export const RULE_OUTPUTS: readonly RuleOutput[] = [
  { path: 'README.md', generate: readmeWithRules },
  { path: 'package.json', generate: manifestWithRules },
  { path: 'src/core/rules/ruleDefaults.ts', generate: () => ruleDefaultsSource() },
  ...RULE_RECORDS.map((r) => ({ path: `${RULE_DOCS_FOLDER}/${r.code}.md`, generate: () => ruleDoc(r) })),
];

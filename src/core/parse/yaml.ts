// js-yaml, for the front matter: a bundle of its own (dist/yaml.js, ~46 KB), required the first time
// a draft with front matter is parsed (or an email imported), so that activation and drafts without
// it never load it.
import { CORE_SCHEMA, DEFAULT_SCALAR_STYLE_RULES, dump, load, SCALAR_STYLE, YAMLException, type ScalarStyleRule } from 'js-yaml';

export type YamlReading = { data: unknown } | { reason: string; line?: number };

/** The YAML's data, or why it is not valid YAML and on which of its lines (0-based), when known. */
export function readYaml(text: string): YamlReading {
  try {
    // the core schema: a `date: 2016-02-26` stays the text the writer typed
    return { data: load(text, { schema: CORE_SCHEMA }) };
  } catch (e) {
    if (e instanceof YAMLException) return { reason: e.reason, line: e.mark?.line };
    return { reason: (e as Error).message.split('\n')[0] };
  }
}

/** A value with a line break in double quotes, on one line; the library's rules for the rest. */
const ONE_LINE_SCALARS: ScalarStyleRule[] = [
  (layout) => {
    if (layout.style === SCALAR_STYLE.PLAIN && /[\n\r]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
  },
  ...Object.values(DEFAULT_SCALAR_STYLE_RULES),
];

/**
 * Front matter's YAML for `data` (strings and lists of strings), as readYaml reads it back: the
 * library quotes what would be read as something else (`@team`, `0x1F`, `yes`, `#`, control
 * characters), so no value changes on its way.
 */
export function writeYaml(data: Record<string, string | string[]>): string {
  // the core schema, as read; lists on one line (`cc: [a, b]`) and no folding, as a person writes
  // them; a value with a line break quoted on one line (a block scalar's `---` line, indented,
  // would still close the front matter)
  return dump(data, { schema: CORE_SCHEMA, lineWidth: -1, flowLevel: 1, quoteStyle: 'double', scalarStyleRules: ONE_LINE_SCALARS });
}

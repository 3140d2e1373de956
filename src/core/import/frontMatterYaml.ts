// The front matter an import writes, with js-yaml's writer: in the import bundle only (the reader,
// parse/yaml.ts, is what every parse needs; this is what only an import does).
import { CORE_SCHEMA, DEFAULT_SCALAR_STYLE_RULES, dump, SCALAR_STYLE, type ScalarStyleRule } from 'js-yaml';

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

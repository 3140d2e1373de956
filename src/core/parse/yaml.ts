// js-yaml's reader, for the front matter: a bundle of its own (dist/yaml.js), required the first time
// a draft with front matter is parsed, so that activation and drafts without it never load it. Its
// writer is the importer's alone (import/frontMatterYaml.ts): the web entry, which carries this
// reader, does not carry the writer.
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

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

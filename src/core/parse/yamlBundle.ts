// The YAML reader (yaml.ts) is dist/yaml.js, loaded on first use: see there why.
export type YamlModule = typeof import('./yaml');

let loaded: YamlModule | undefined;

export function yaml(): YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
  loaded ??= require('./yaml') as YamlModule;
  return loaded;
}

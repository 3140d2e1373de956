// Everything about link facts, as one module: dist/linkFactsModule.js, a bundle of its own that the CLI
// (with --online) and the extension (once the writer allows it) load when they first need it.
export { FactsCache } from './factsCache';
export { FactsClient, type FactsClientOptions, type FactsRun } from './factsClient';
export { factDiagnostics } from './factRules';
export {
  factsRequest,
  linkFacts,
  statusWords,
  DEFAULT_FACTS_APIS,
  GITHUB_API,
  type FactsApis,
  type FactsRequest,
  type FactsResult,
  type LinkFacts,
} from './linkFacts';
export { linkNotes, ANNOTATE_LINKS, type AnnotateLinks } from './linkNotes';

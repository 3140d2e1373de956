// mocha's browser build, which web/run.mjs bundles as text for web/index.ts to run
declare module 'mocha/mocha.js' {
  const source: string;
  export default source;
}

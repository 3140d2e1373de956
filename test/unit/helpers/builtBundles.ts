// The bundles as scripts/bundles.mjs makes them for the .vsix (the production build), built once in
// memory with esbuild's metafile: what goes into each, for the tests of what ships and what loads.
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.join(__dirname, '..', '..', '..');

interface BundlesModule {
  bundles(options: { production: boolean }): (esbuild.BuildOptions & { outfile: string })[];
  EXTENSION_BUNDLES: string[];
}

let built: Promise<{ metafiles: Map<string, esbuild.Metafile>; extensionBundles: string[] }> | undefined;

/** Each bundle's metafile by its output file (`dist/mailExport.js`), and which bundles are the extension's. */
export function builtBundles(): Promise<{ metafiles: Map<string, esbuild.Metafile>; extensionBundles: string[] }> {
  built ??= (async () => {
    const { bundles, EXTENSION_BUNDLES } = (await import(path.join(root, 'scripts', 'bundles.mjs'))) as BundlesModule;
    const metafiles = await Promise.all(
      bundles({ production: true }).map(
        async (b) => [b.outfile, (await esbuild.build({ ...b, write: false, metafile: true, logLevel: 'silent' })).metafile] as const,
      ),
    );
    return { metafiles: new Map(metafiles), extensionBundles: EXTENSION_BUNDLES };
  })();
  return built;
}

/** The files that went into a bundle (from the root, with `/`), those that add nothing to it left out. */
export function bundleInputs(metafile: esbuild.Metafile): string[] {
  return Object.values(metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([f]) => f.split(path.sep).join('/')),
  );
}

/**
 * Bundles the web page (src/ui/web/main.tsx, Preact) into src/ui/public/app.js with esbuild:
 * one minified ES module, no CDN, no source map by default (`--sourcemap` adds app.js.map).
 *
 *   npm run build:ui            (npm start / npm run dev run it first)
 *
 * Also imported by the browser tests so they always test the current source.
 */
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const UI_ENTRY = join(root, 'src', 'ui', 'web', 'main.tsx');
export const UI_BUNDLE = join(root, 'src', 'ui', 'public', 'app.js');

export interface BuildUiResult {
  outFile: string;
  bytes: number;
  ms: number;
}

export async function buildUi(options: { outFile?: string; sourcemap?: boolean } = {}): Promise<BuildUiResult> {
  const outFile = options.outFile ?? UI_BUNDLE;
  const started = performance.now();
  const result = await build({
    entryPoints: [UI_ENTRY],
    outfile: outFile,
    write: false,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: options.sourcemap ?? false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // Written to a temporary name and renamed: a server (or a parallel test) never reads half a file.
  let bytes = 0;
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    await writeFile(tmp, file.contents);
    await rename(tmp, file.path);
    if (file.path === resolve(outFile)) bytes = file.contents.byteLength;
  }
  return { outFile, bytes, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await buildUi({ sourcemap: process.argv.includes('--sourcemap') });
  console.log(JSON.stringify(result));
}

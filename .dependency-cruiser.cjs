/**
 * ConvLens's layering, checked by `npm run lint:deps` (part of `npm run lint`). Each layer imports only the layers
 * below it; type-only imports count too, since a type is as much a dependency of the design as a value:
 *
 *   engine <- parse <- python <- protocol/messages <- format <- convolve (src/convolve, presets) <- view
 *     <- picture <- protocol/guards <- hover <- extension / cli / media
 *
 * The engine (pure computation, bundled into the webview too) and the parser stand on nothing of ours above them;
 * python (the user's PyTorch code read with tree-sitter: layers, shapes, fixes) stands on the engine's geometry.
 * The message types sit low because the computation produces a ConvView and every layer above reads it; the guards
 * that check what the page sends sit high because they check a copy request and a PNG with view's and picture's
 * code. The three entry points at the top (the VS Code extension, the CLI, the webview) import none of each other,
 * and only the extension (and the suites that drive VS Code) may import `vscode`.
 */
const LAYERS = [
  ['engine', '^src/engine/'],
  ['parse', '^src/parse/'],
  ['python', '^src/python/'],
  ['protocol/messages', '^src/protocol/messages[.]ts$'],
  ['format', '^src/format/'],
  ['convolve', '^src/(convolve/|presets[.]ts$)'],
  ['view', '^src/view/'],
  ['picture', '^src/picture/'],
  ['protocol/guards', '^src/protocol/guards[.]ts$'],
  ['hover', '^src/hover/'],
];
const ENTRY_POINTS = [
  ['extension', '^src/extension/'],
  ['cli', '^src/cli([.]ts$|/)'],
  ['media', '^media/'],
];
const ORDER = [...LAYERS.map(([name]) => name), ENTRY_POINTS.map(([name]) => name).join(' / ')].join(' <- ');
const VSCODE = '^(vscode$|node_modules/@types/vscode/)';
/** npm packages (resolved into node_modules), but not `vscode`, which only looks like one. */
const NPM_PACKAGE = 'node_modules/(?!@types/vscode/)';

/** "A layer imports only the layers below it", one rule per layer that has layers above it. */
const upwardImports = LAYERS.slice(2).map(([name, path], i) => {
  const above = [...LAYERS.slice(i + 3), ...ENTRY_POINTS];
  return {
    name: `${name.replace('/', '-')}-imports-only-lower-layers`,
    comment: `${name} may import only the layers below it, not ${above.map(([n]) => n).join(', ')} (${ORDER}).`,
    severity: 'error',
    from: { path },
    to: { path: above.map(([, p]) => p) },
  };
});

/** The entry points stand side by side: what two of them share belongs in a layer below. */
const entryPointsApart = ENTRY_POINTS.filter(([name]) => name !== 'media').map(([name, path]) => ({
  name: `${name}-imports-no-other-entry-point`,
  comment: `${name} is an entry point (${ORDER}): it may not import another entry point; move what they share down.`,
  severity: 'error',
  from: { path },
  to: { path: ENTRY_POINTS.filter(([other]) => other !== name).map(([, p]) => p) },
}));

module.exports = {
  forbidden: [
    {
      name: 'engine-imports-only-engine',
      comment:
        'src/engine is the bottom layer: it imports only src/engine and npm packages (no parse, protocol, view, ' +
        `extension, vscode or Node built-in; it runs in the webview too). Order: ${ORDER}.`,
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { pathNot: `^(src/engine/|${NPM_PACKAGE})` },
    },
    {
      name: 'parse-imports-only-parse-and-engine',
      comment:
        'src/parse imports only src/parse, src/engine and npm packages (no vscode or Node built-in); what it ' +
        `needs from higher up belongs down here, or is passed in. Order: ${ORDER}.`,
      severity: 'error',
      from: { path: '^src/parse/' },
      to: { pathNot: `^(src/(parse|engine)/|${NPM_PACKAGE})` },
    },
    {
      name: 'vscode-only-in-extension',
      comment:
        'Only src/extension (and the suites that run inside VS Code, test/vscode and test/host) may import vscode: ' +
        'the rest runs in plain Node (the CLI, the unit tests, the worker) or in the webview.',
      severity: 'error',
      from: { pathNot: '^(src/extension|test/vscode|test/host)/' },
      to: { path: VSCODE },
    },
    {
      name: 'media-imports-no-host-code',
      comment:
        'media/ is the webview, an untrusted browser page: it may not import src/extension, src/cli or vscode; it ' +
        'talks to the host only through the messages in src/protocol.',
      severity: 'error',
      from: { path: '^media/' },
      to: { path: ['^src/extension/', '^src/cli([.]ts$|/)', VSCODE] },
    },
    {
      name: 'media-imports-no-node-builtin',
      comment:
        'media/ is the webview, a browser page: Node built-ins (fs, path, worker_threads, ...) do not exist there.',
      severity: 'error',
      from: { path: '^media/' },
      to: { dependencyTypes: ['core'] },
    },
    ...upwardImports,
    ...entryPointsApart,
    {
      name: 'every-module-in-a-layer',
      comment: `Every module under src/ belongs to a layer (${ORDER}): put it in one, or add it to .dependency-cruiser.cjs.`,
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: [...LAYERS, ...ENTRY_POINTS].map(([, p]) => p) },
    },
    {
      name: 'no-cycles',
      comment:
        'No module imports itself round a loop (directly or through others): give what both sides need one home ' +
        'below them, or pass it in.',
      severity: 'error',
      from: { path: '^(src|media)/' },
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};

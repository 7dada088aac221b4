import * as vscode from 'vscode';

/**
 * "ConvLens: Open an example": the examples the extension ships (`examples/`), each opened as a new untitled
 * document, so trying them never edits the installed files. A spec is convolved at once; a file of literals is
 * opened to hover and select.
 */
interface Example {
  file: string;
  label: string;
  detail: string;
  language: 'json' | 'jsonc' | 'python' | 'markdown';
}

const EXAMPLES: readonly Example[] = [
  {
    file: 'seed.json',
    label: 'The seed: a 3 x 3 input, a 2 x 2 kernel',
    detail: 'conv2d as vec(out) = vec(in) @ M, and the transposed convolution back to 3 x 3',
    language: 'json',
  },
  {
    file: 'strided-dilated.json',
    label: 'Stride 2, padding 1, dilation 2',
    detail: 'conv2d whose taps sit 2 cells apart and reach into the zero padding',
    language: 'json',
  },
  {
    file: 'transposed-stride2.json',
    label: 'A stride-2 transposed convolution',
    detail: 'conv_transpose2d: each input cell stamps the kernel into a 2x larger output',
    language: 'jsonc',
  },
  {
    file: 'transposed-output-padding.json',
    label: 'Transposed, with output_padding',
    detail: 'conv_transpose2d, stride 2, padding 1, output_padding 1',
    language: 'json',
  },
  {
    file: 'conv1d-reflect.json',
    label: 'conv1d with reflect padding',
    detail: 'padding_mode "reflect": padded cells fold back onto the input in M',
    language: 'json',
  },
  { file: 'conv3d.json', label: 'conv3d', detail: 'the seed with a depth axis', language: 'json' },
  {
    file: 'grouped-multichannel.jsonc',
    label: 'Groups: four channels in two groups',
    detail: 'M is block-diagonal, a block per group',
    language: 'jsonc',
  },
  {
    file: 'numpy_literals.py',
    label: 'NumPy and torch literals',
    detail: 'hover an array for a preview; select two and convolve them',
    language: 'python',
  },
  {
    file: 'notes.md',
    label: 'Notes in Markdown',
    detail: 'matrices in code blocks: hover, select, convolve',
    language: 'markdown',
  },
];

const isSpec = (example: Example) => example.language === 'json' || example.language === 'jsonc';

/** Opens the example named `file` (or the one picked from the list when none is named), and convolves a spec. */
export async function openExample(extensionUri: vscode.Uri, file?: unknown): Promise<void> {
  const example =
    typeof file === 'string'
      ? EXAMPLES.find((e) => e.file === file)
      : (
          await vscode.window.showQuickPick(
            EXAMPLES.map((e) => ({ label: e.label, detail: e.detail, description: e.file, example: e })),
            { title: 'ConvLens: open an example', matchOnDetail: true },
          )
        )?.example;
  if (!example) {
    if (typeof file === 'string') void vscode.window.showErrorMessage(`ConvLens: no example named ${file}.`);
    return;
  }
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'examples', example.file));
  const content = new TextDecoder().decode(bytes);
  const document = await vscode.workspace.openTextDocument({ language: example.language, content });
  const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  if (!isSpec(example)) return;
  // The cursor inside the spec's object (past any leading comment): Convolve selection reads the spec around it.
  const start = document.positionAt(Math.max(0, content.indexOf('{')) + 1);
  editor.selection = new vscode.Selection(start, start);
  await vscode.commands.executeCommand('convlens.convolveSelection');
}

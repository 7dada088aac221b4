import * as vscode from 'vscode';
import { Model, Shape } from '../../python/layer';

/** `1x3x224x224`, `1×3×224×224`, `(1, 3, 224, 224)` or `[1, 3, 224, 224]`: whole positive sizes, batch first. */
export function readShapeText(text: string): number[] | undefined {
  const sizes = text
    .trim()
    .replace(/^[([]|[)\]]$/g, '')
    .split(/\s*[x×,]\s*|\s+/)
    .filter((s) => s !== '');
  if (sizes.length === 0 || !sizes.every((s) => /^[1-9]\d{0,8}$/.test(s))) return undefined;
  return sizes.map(Number);
}

/**
 * The input shape of each model: its `# convlens: input …` comment, else the one given by **ConvLens: Set input
 * shape**, remembered per file (or notebook) and model in the workspace's state.
 */
export class InputShapes implements vscode.Disposable {
  private readonly changing = new vscode.EventEmitter<void>();
  /** Fires when a shape is set, so hints, diagnostics and lenses are worked out again. */
  readonly onDidChange = this.changing.event;

  constructor(private readonly state: vscode.Memento) {}

  private key = (uri: vscode.Uri, model: string) => `convlens.python.input:${uri.toString()}#${model}`;

  remembered(uri: vscode.Uri, model: string): number[] | undefined {
    return this.state.get<number[]>(this.key(uri, model));
  }

  of(uri: vscode.Uri, model: Model): Shape | undefined {
    return model.input?.shape ?? this.remembered(uri, model.name);
  }

  /** Asks once for `model`'s input shape and remembers it; undefined when the user cancels. */
  async ask(uri: vscode.Uri, model: string): Promise<number[] | undefined> {
    const text = await vscode.window.showInputBox({
      title: `ConvLens: input shape of ${model}`,
      prompt: 'Batch first, as PyTorch prints x.shape: 1x3x224x224',
      value: this.remembered(uri, model)?.join('x') ?? '',
      validateInput: (value) => (readShapeText(value) ? undefined : 'Whole sizes separated by x, such as 1x3x224x224'),
    });
    const shape = text === undefined ? undefined : readShapeText(text);
    if (!shape) return undefined;
    await this.state.update(this.key(uri, model), shape);
    this.changing.fire();
    return shape;
  }

  dispose(): void {
    this.changing.dispose();
  }
}

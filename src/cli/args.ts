/** Command-line options of `convlens`. */
import { DEFAULT_LIMITS, Limits } from '../engine';
import { parseViews, ViewName } from './views';

export interface CliOptions {
  /** A path, or `-` for standard input. */
  file: string;
  json: boolean;
  kernelMatrix: 'dense' | 'csr' | 'none';
  decimals: number;
  /** Views added to each result (`--views`); none by default, which leaves the output as it was without them. */
  views: ViewName[];
  /** The extension's size limits, by default its settings' defaults. */
  limits: Limits;
}

/** The flag that raises each limit, so a refusal can name it. */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = {
  maxSelectionCharacters: '--max-characters',
  maxInputCells: '--max-input-cells',
  maxOutputCells: '--max-output-cells',
  maxKernelMatrixNonZeros: '--max-multiply-adds',
};

const count = (n: number): string => n.toLocaleString('en-US');

export const USAGE = `Usage: convlens [--json] [--kernel-matrix dense|csr|none] [--views LIST] [--decimals N] [--max-... N] FILE

Computes conv1d/2d/3d and conv_transpose1d/2d/3d with PyTorch's semantics for each spec in FILE (- reads
standard input): one spec object, an array of them, or an object with a "cases" array.
Spec fields: op ("conv1d" ... "conv_transpose3d", default "conv2d"), input, weight (or kernel), bias, stride,
padding, dilation, output_padding, groups, padding_mode ("zeros", "reflect", "replicate" or "circular"),
grad_output (the output's shape; the gradient --views backward starts from, all ones when absent).
Output and reconstruction are channels first: [C][L], [C][H][W] or [C][D][H][W].

  --json                 print one JSON array, an object per spec: output, reconstruction, kernel_matrix
                         (and overlap, grad_input, grad_weight, grad_bias, im2col with --views)
  --kernel-matrix MODE   dense (default; up to 1,000,000 entries, csr beyond), csr, or none
  --views LIST           add views, comma-separated: overlap (tap counts on the input, or a transposed conv's
                         output), backward (grad_input, grad_weight, grad_bias for grad_output), im2col
                         (F.unfold's matrix; counted against --max-multiply-adds)
  --decimals N           decimals in the readable tables (default 4)
  -h, --help             show this help

Size limits, checked before anything large is read or computed (the VS Code extension's defaults):
  --max-characters N     characters of FILE (default ${count(DEFAULT_LIMITS.maxSelectionCharacters)})
  --max-input-cells N    cells of the input, of the weight, and of the padded input (default ${count(DEFAULT_LIMITS.maxInputCells)})
  --max-output-cells N   cells of the output, and of a transposed conv's output before its padding crops it
                         (default ${count(DEFAULT_LIMITS.maxOutputCells)})
  --max-multiply-adds N  multiply-adds, which bound the kernel matrix's non-zeros (default ${count(DEFAULT_LIMITS.maxKernelMatrixNonZeros)})`;

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string } | { ok: 'help' };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const limits: Limits = { ...DEFAULT_LIMITS };
  const options: Partial<CliOptions> = { json: false, kernelMatrix: 'dense', decimals: 4, views: [], limits };
  const limitOf = new Map(Object.entries(LIMIT_FLAGS).map(([limit, flag]) => [flag, limit as keyof Limits]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '-h' || flag === '--help') return { ok: 'help' };
    if (flag === '--json') options.json = true;
    else if (flag === '--kernel-matrix') {
      const mode = value();
      if (mode !== 'dense' && mode !== 'csr' && mode !== 'none')
        return { ok: false, message: `--kernel-matrix takes dense, csr or none, not ${mode ?? 'nothing'}` };
      options.kernelMatrix = mode;
    } else if (flag === '--views') {
      const views = parseViews(value() ?? '');
      if (!views.ok) return views;
      options.views = views.views;
    } else if (flag === '--decimals') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 17)
        return { ok: false, message: '--decimals takes a whole number from 0 to 17' };
      options.decimals = n;
    } else if (limitOf.has(flag)) {
      const n = Number(value());
      if (!Number.isSafeInteger(n) || n < 1) return { ok: false, message: `${flag} takes a positive whole number` };
      limits[limitOf.get(flag)!] = n;
    } else if (flag.startsWith('-') && flag !== '-') return { ok: false, message: `unknown option ${flag}` };
    else if (options.file !== undefined)
      return { ok: false, message: `one FILE only (got ${options.file} and ${arg})` };
    else options.file = arg;
  }
  if (options.file === undefined) return { ok: false, message: 'missing FILE (use - for standard input)' };
  return { ok: true, options: options as CliOptions };
}

/**
 * PyTorch 1.13's signatures of the layers ConvLens reads, as `torch.nn` and `torch.nn.functional` define them:
 * parameter order and defaults (a call binds its positional arguments in this order), keyed by the full name a
 * callee resolves to through the imports.
 */
import type { Rank } from '../engine/ops';
import type { Reduction } from './layer';
import type { Value } from './values';

/** What a call builds, which decides how its arguments become a `Layer`. */
export type Family =
  | { kind: 'conv'; rank: Rank; transposed: boolean }
  | { kind: 'pool'; reduction: Reduction; rank: Rank }
  | { kind: 'adaptivePool'; reduction: Reduction; rank: Rank }
  | { kind: 'upsample' }
  | { kind: 'flatten' }
  | { kind: 'linear' }
  | { kind: 'norm'; rank: Rank }
  | { kind: 'keep' };

export interface Parameter {
  name: string;
  /** Absent for a required parameter. */
  default?: Value;
}

export interface Signature {
  /** PyTorch's own name: `Conv2d`, `conv2d`, `flatten`. */
  torchName: string;
  functional: boolean;
  family: Family;
  parameters: readonly Parameter[];
  /** `nn.Identity(*args, **kwargs)` takes and ignores anything. */
  ignoresArguments?: boolean;
}

/** A parameter list written as PyTorch's docs write it: a bare name is required, `[name, default]` is not. */
type Written = string | readonly [string, Value];
const parameters = (...written: Written[]): Parameter[] =>
  written.map((p) => (typeof p === 'string' ? { name: p } : { name: p[0], default: p[1] }));

const RANKS: readonly Rank[] = [1, 2, 3];
const FACTORY: readonly Written[] = [
  ['device', null],
  ['dtype', null],
];

const SIGNATURES = new Map<string, Signature>();
function define(path: string, torchName: string, family: Family, written: Written[], ignoresArguments = false): void {
  const functional = path !== 'torch.nn';
  SIGNATURES.set(`${path}.${torchName}`, {
    torchName,
    functional,
    family,
    parameters: parameters(...written),
    ignoresArguments,
  });
}

const NN = 'torch.nn';
const F = 'torch.nn.functional';

for (const rank of RANKS) {
  const conv = { kind: 'conv', rank, transposed: false } as const;
  const transposed = { kind: 'conv', rank, transposed: true } as const;
  define(NN, `Conv${rank}d`, conv, [
    'in_channels',
    'out_channels',
    'kernel_size',
    ['stride', 1],
    ['padding', 0],
    ['dilation', 1],
    ['groups', 1],
    ['bias', true],
    ['padding_mode', 'zeros'],
    ...FACTORY,
  ]);
  define(NN, `ConvTranspose${rank}d`, transposed, [
    'in_channels',
    'out_channels',
    'kernel_size',
    ['stride', 1],
    ['padding', 0],
    ['output_padding', 0],
    ['groups', 1],
    ['bias', true],
    ['dilation', 1],
    ['padding_mode', 'zeros'],
    ...FACTORY,
  ]);
  define(F, `conv${rank}d`, conv, [
    'input',
    'weight',
    ['bias', null],
    ['stride', 1],
    ['padding', 0],
    ['dilation', 1],
    ['groups', 1],
  ]);
  define(F, `conv_transpose${rank}d`, transposed, [
    'input',
    'weight',
    ['bias', null],
    ['stride', 1],
    ['padding', 0],
    ['output_padding', 0],
    ['groups', 1],
    ['dilation', 1],
  ]);

  const max = { kind: 'pool', reduction: 'max', rank } as const;
  const avg = { kind: 'pool', reduction: 'avg', rank } as const;
  const poolWindow: Written[] = ['kernel_size', ['stride', null], ['padding', 0]];
  // AvgPool1d has no divisor_override.
  const avgTail: Written[] = [
    ['ceil_mode', false],
    ['count_include_pad', true],
    ...(rank > 1 ? [['divisor_override', null] as const] : []),
  ];
  define(NN, `MaxPool${rank}d`, max, [...poolWindow, ['dilation', 1], ['return_indices', false], ['ceil_mode', false]]);
  define(NN, `AvgPool${rank}d`, avg, [...poolWindow, ...avgTail]);
  // The functional max pool takes ceil_mode before return_indices, unlike the module.
  define(F, `max_pool${rank}d`, max, [
    'input',
    ...poolWindow,
    ['dilation', 1],
    ['ceil_mode', false],
    ['return_indices', false],
  ]);
  define(F, `avg_pool${rank}d`, avg, ['input', ...poolWindow, ...avgTail]);

  const adaptiveMax = { kind: 'adaptivePool', reduction: 'max', rank } as const;
  const adaptiveAvg = { kind: 'adaptivePool', reduction: 'avg', rank } as const;
  define(NN, `AdaptiveMaxPool${rank}d`, adaptiveMax, ['output_size', ['return_indices', false]]);
  define(NN, `AdaptiveAvgPool${rank}d`, adaptiveAvg, ['output_size']);
  define(F, `adaptive_max_pool${rank}d`, adaptiveMax, ['input', 'output_size', ['return_indices', false]]);
  define(F, `adaptive_avg_pool${rank}d`, adaptiveAvg, ['input', 'output_size']);

  const norm = { kind: 'norm', rank } as const;
  const normTail = (affine: boolean): Written[] => [
    ['eps', 1e-5],
    ['momentum', 0.1],
    ['affine', affine],
    ['track_running_stats', affine],
    ...FACTORY,
  ];
  define(NN, `BatchNorm${rank}d`, norm, ['num_features', ...normTail(true)]);
  define(NN, `InstanceNorm${rank}d`, norm, ['num_features', ...normTail(false)]);
  define(NN, `Dropout${rank}d`, { kind: 'keep' }, [
    ['p', 0.5],
    ['inplace', false],
  ]);
  define(F, `dropout${rank}d`, { kind: 'keep' }, ['input', ['p', 0.5], ['training', true], ['inplace', false]]);
}

const upsample: Written[] = [
  ['size', null],
  ['scale_factor', null],
  ['mode', 'nearest'],
  ['align_corners', null],
  ['recompute_scale_factor', null],
];
define(NN, 'Upsample', { kind: 'upsample' }, upsample);
define(F, 'interpolate', { kind: 'upsample' }, ['input', ...upsample, ['antialias', false]]);
define(NN, 'Flatten', { kind: 'flatten' }, [
  ['start_dim', 1],
  ['end_dim', -1],
]);
define('torch', 'flatten', { kind: 'flatten' }, ['input', ['start_dim', 0], ['end_dim', -1]]);
define(NN, 'Linear', { kind: 'linear' }, ['in_features', 'out_features', ['bias', true], ...FACTORY]);

const KEEP = { kind: 'keep' } as const;
const inplace: Written = ['inplace', false];
for (const [name, written] of [
  ['ReLU', [inplace]],
  ['ReLU6', [inplace]],
  ['LeakyReLU', [['negative_slope', 0.01], inplace]],
  ['GELU', [['approximate', 'none']]],
  ['SiLU', [inplace]],
  ['Sigmoid', []],
  ['Tanh', []],
  ['ELU', [['alpha', 1.0], inplace]],
  ['Softmax', [['dim', null]]],
  ['LogSoftmax', [['dim', null]]],
  ['Dropout', [['p', 0.5], inplace]],
  ['AlphaDropout', [['p', 0.5], inplace]],
] as const)
  define(NN, name, KEEP, [...written]);
define(NN, 'Identity', KEEP, [], true);
for (const [name, written] of [
  ['relu', [inplace]],
  ['relu6', [inplace]],
  ['leaky_relu', [['negative_slope', 0.01], inplace]],
  ['gelu', [['approximate', 'none']]],
  ['silu', [inplace]],
  ['sigmoid', []],
  ['tanh', []],
  ['elu', [['alpha', 1.0], inplace]],
  [
    'softmax',
    [
      ['dim', null],
      ['_stacklevel', 3],
      ['dtype', null],
    ],
  ],
  [
    'log_softmax',
    [
      ['dim', null],
      ['_stacklevel', 3],
      ['dtype', null],
    ],
  ],
  ['dropout', [['p', 0.5], ['training', true], inplace]],
] as const)
  define(F, name, KEEP, ['input', ...written]);
for (const name of ['relu', 'sigmoid', 'tanh']) define('torch', name, KEEP, ['input']);

/** `Tensor.flatten(start_dim=0, end_dim=-1)`, the method a `forward` calls on its tensor (`x.flatten(1)`). */
export const TENSOR_FLATTEN: Signature = {
  torchName: 'flatten',
  functional: true,
  family: { kind: 'flatten' },
  parameters: parameters(['start_dim', 0], ['end_dim', -1]),
};

/** The signature a callee's full name (`torch.nn.Conv2d`) names, if ConvLens reads that layer. */
export const signatureOf = (qualified: string): Signature | undefined => SIGNATURES.get(qualified);

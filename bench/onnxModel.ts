/**
 * A one-node ONNX model (Conv or ConvTranspose, the weight as an initializer) for the problem, encoded with
 * protobufjs's writer by the field numbers of onnx.proto: `x` [1, C, ...] in, `y` out, float32.
 */
import { Writer } from 'protobufjs/minimal';
import { ConvProblem, ownAxes, shapeOf, weightShapeOf } from '../src/engine';

const enum Wire {
  varint = 0,
  bytes = 2,
}
const FLOAT = 1; // TensorProto.DataType
const INT = 2; // AttributeProto.AttributeType
const INTS = 7;
const OPSET = 17;
const IR_VERSION = 8;

const tag = (w: Writer, field: number, wire: Wire) => w.uint32((field << 3) | wire);
const int = (w: Writer, field: number, value: number) => tag(w, field, Wire.varint).int64(value);
const text = (w: Writer, field: number, value: string) => tag(w, field, Wire.bytes).string(value);
function message(w: Writer, field: number, fill: (inner: Writer) => void): void {
  tag(w, field, Wire.bytes).fork();
  fill(w);
  w.ldelim();
}

/** ValueInfoProto: a float tensor of fixed shape. */
function tensorInfo(w: Writer, field: number, name: string, dims: number[]): void {
  message(w, field, (info) => {
    text(info, 1, name);
    message(info, 2, (type) =>
      message(type, 1, (tensor) => {
        int(tensor, 1, FLOAT);
        message(tensor, 2, (shape) => dims.forEach((d) => message(shape, 1, (dim) => int(dim, 1, d))));
      }),
    );
  });
}

function intAttribute(w: Writer, name: string, value: number): void {
  message(w, 5, (attribute) => {
    text(attribute, 1, name);
    int(attribute, 3, value);
    int(attribute, 20, INT);
  });
}

function intsAttribute(w: Writer, name: string, values: number[]): void {
  message(w, 5, (attribute) => {
    text(attribute, 1, name);
    values.forEach((v) => int(attribute, 8, v));
    int(attribute, 20, INTS);
  });
}

/** The model's bytes; ONNX's weight layout is PyTorch's ([out][in/groups][k...], transposed [in][out/groups][k...]). */
export function onnxConvModel(problem: ConvProblem, weight: Float32Array): Uint8Array {
  const g = problem.geometry;
  const own = ownAxes(g);
  const w = Writer.create();
  int(w, 1, IR_VERSION);
  message(w, 8, (opset) => {
    text(opset, 1, '');
    int(opset, 2, OPSET);
  });
  message(w, 7, (graph) => {
    message(graph, 1, (node) => {
      text(node, 1, 'x');
      text(node, 1, 'w');
      text(node, 2, 'y');
      text(node, 4, g.transposed ? 'ConvTranspose' : 'Conv');
      intsAttribute(
        node,
        'kernel_shape',
        own.map((a) => a.kernel),
      );
      intsAttribute(
        node,
        'strides',
        own.map((a) => a.stride),
      );
      intsAttribute(
        node,
        'dilations',
        own.map((a) => a.dilation),
      );
      intsAttribute(node, 'pads', [...own.map((a) => a.padBefore), ...own.map((a) => a.padAfter)]);
      intAttribute(node, 'group', g.groups);
      if (g.transposed)
        intsAttribute(
          node,
          'output_padding',
          own.map((a) => a.outputPadding),
        );
    });
    text(graph, 2, 'conv');
    message(graph, 5, (tensor) => {
      weightShapeOf(g).forEach((d) => int(tensor, 1, d));
      int(tensor, 2, FLOAT);
      text(tensor, 8, 'w');
      tag(tensor, 9, Wire.bytes).bytes(new Uint8Array(weight.buffer, weight.byteOffset, weight.byteLength));
    });
    tensorInfo(graph, 11, 'x', [1, ...shapeOf(g, g.input)]);
    tensorInfo(graph, 12, 'y', [1, ...shapeOf(g, g.output)]);
  });
  return w.finish();
}

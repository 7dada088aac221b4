"""PyTorch on the CPU in float64 on the threads given as argument, driven by the bench (torchRunner.ts): one JSON
request per line on stdin, one JSON reply per line on stdout. Tensors travel as raw float64 files, channels first."""
import json
import sys
import time
from array import array

import torch
import torch.nn.functional as F

OPS = {
    "conv1d": F.conv1d,
    "conv2d": F.conv2d,
    "conv3d": F.conv3d,
    "conv_transpose1d": F.conv_transpose1d,
    "conv_transpose2d": F.conv_transpose2d,
    "conv_transpose3d": F.conv_transpose3d,
}


def read(path, shape):
    with open(path, "rb") as f:
        return torch.frombuffer(bytearray(f.read()), dtype=torch.float64).reshape(shape)


def main():
    torch.set_num_threads(int(sys.argv[1]))
    run = None
    result = None
    for line in sys.stdin:
        request = json.loads(line)
        kind = request["kind"]
        if kind == "prepare":
            x = read(request["input"], request["inputShape"])
            w = read(request["weight"], request["weightShape"])
            op = OPS[request["op"]]
            args = dict(stride=request["stride"], padding=request["padding"], dilation=request["dilation"],
                        groups=request["groups"])
            if "transpose" in request["op"]:
                args["output_padding"] = request["outputPadding"]
            run = lambda: op(x, w, **args)
            reply = {"kind": "ready"}
        elif kind == "call":
            cpu, wall = time.process_time(), time.perf_counter()
            with torch.no_grad():
                result = run()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            reply = {"kind": "sample", "sample": {"wallMs": wall * 1e3, "cpuMs": cpu * 1e3}}
        elif kind == "output":
            with open(request["path"], "wb") as f:
                f.write(array("d", result.flatten().tolist()).tobytes())
            reply = {"kind": "output"}
        print(json.dumps(reply), flush=True)


main()

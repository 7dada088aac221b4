/**
 * A large PyTorch model file, generated: `blocks` repeats of a 30-line block (a module class with __init__ and
 * forward, and a Sequential), each model with its input comment. The Python bench times reading it; the real-VS-Code
 * suite opens it to check the extension host stays responsive while it is first read.
 */

/** One block: `Block{i}` (channels 16 + i % 8) and `features{i}`, each declaring its input 1x3x64x64. */
function block(i: number): string {
  return `
# convlens: input 1x3x64x64
class Block${i}(nn.Module):
    def __init__(self, channels=${16 + (i % 8)}):
        super().__init__()
        self.conv1 = nn.Conv2d(3, channels, kernel_size=K, padding=1)
        self.bn1 = nn.BatchNorm2d(channels)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(channels, 2 * channels, K, stride=2, padding=(1, 1), bias=False)
        self.up = nn.ConvTranspose2d(2 * channels, channels, 4, 2, 1)
        self.head = nn.Linear(channels * 16 * 16, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.bn1(self.conv1(x))))
        x = F.relu(self.conv2(x))
        x = self.up(x)
        x = torch.flatten(x, 1)
        return self.head(x)


features${i} = nn.Sequential(
    nn.Conv2d(3, CH[0], 3, padding="same"),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(CH[0], CH[1], 3, padding=1),
    nn.AdaptiveAvgPool2d((4, 4)),
    nn.Flatten(),
    nn.Linear(CH[1] * 16, 10),
)
`;
}

const HEADER = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\nK = 3\nCH = (16, 32)\n';

/** The file's text: 100 blocks make 2,907 lines (93k characters). */
export const pythonModelFile = (blocks = 100): string =>
  HEADER + Array.from({ length: blocks }, (_, i) => block(i)).join('');

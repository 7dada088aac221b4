"""Hover a literal for a preview; select both arrays and run "ConvLens: Convolve selection"."""
import numpy as np
import torch

image = np.array([[1, 2, 3],
                  [4, 5, 6],
                  [7, 8, 9]], dtype=np.float64)
kernel = np.array([[1, 2],
                   [3, 4]])

# The same computation in PyTorch: output [[37, 47], [67, 77]].
out = torch.nn.functional.conv2d(torch.tensor(image)[None, None], torch.tensor(kernel, dtype=torch.float64)[None, None])

sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])

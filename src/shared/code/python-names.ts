import { PYTORCH_HELPERS } from './pytorch-helpers';

/**
 * Names model.py itself uses: a step with one of these names would hide them, as a local
 * variable in forward (`torch`, `F`) or as an attribute of the module (`forward`, `training`).
 */
const TAKEN_BY_MODEL_PY = new Set<string>([
  'torch',
  'nn',
  'F',
  'Model',
  // forward pads max pooling with float('-inf').
  'float',
  ...PYTORCH_HELPERS,
  // nn.Module's own attributes and methods, which an attribute of that name would replace.
  ...(
    'T_destination add_module apply bfloat16 buffers call_super_init children cpu cuda double ' +
    'dump_patches eval extra_repr float forward get_buffer get_extra_state get_parameter ' +
    'get_submodule half ipu load_state_dict modules named_buffers named_children named_modules ' +
    'named_parameters parameters register_backward_hook register_buffer ' +
    'register_forward_hook register_forward_pre_hook register_full_backward_hook ' +
    'register_module register_parameter requires_grad_ set_extra_state share_memory ' +
    'state_dict to to_empty train training type xpu zero_grad'
  ).split(' '),
]);

/**
 * The Python names of a network's steps in model.py: each step's own name (networkSteps
 * already made it a unique identifier) unless model.py needs that name for itself; then the
 * name with `_layer`, still unique. The same name serves as forward's local variable and as
 * the module's attribute, so weights.pt's keys read like the network.
 */
export class PythonNames {
  private readonly given = new Map<string, string>();
  private readonly taken: Set<string>;

  constructor(stepNames: readonly string[]) {
    this.taken = new Set([...stepNames, ...TAKEN_BY_MODEL_PY]);
  }

  /** A step's local variable in forward. */
  local(stepName: string): string {
    return this.name(stepName);
  }

  /** A layer's attribute: its step's name, with the layer's suffix for a split-off activation. */
  attribute(layerName: string): string {
    return this.name(layerName);
  }

  private name(wanted: string): string {
    const known = this.given.get(wanted);
    if (known) return known;
    let name = wanted;
    if (TAKEN_BY_MODEL_PY.has(wanted)) {
      name = `${wanted}_layer`;
      for (let n = 2; this.taken.has(name); n += 1) name = `${wanted}_layer_${n}`;
    }
    this.taken.add(name);
    this.given.set(wanted, name);
    return name;
  }
}

import type { Zippable } from 'fflate';
import { zipSync } from 'fflate';
import type { PickledTensor } from './torch-pickle';
import { stateDictPickle } from './torch-pickle';

/** A tensor of the state dict with its values, little-endian, in row-major order. */
export interface TorchTensor extends PickledTensor {
  readonly data: Uint8Array;
}

/**
 * The bytes of a .pt file as torch.save writes a state dict: a zip archive, uncompressed,
 * holding `archive/data.pkl` (the pickled OrderedDict), one `archive/data/<n>` per tensor with
 * its raw values, `archive/byteorder` and `archive/version`. As torch.save does, every file's
 * data starts at a multiple of 64 bytes (padded by an extra field of the zip header), so
 * torch.load can map the tensors from the file instead of copying them. The same tensors
 * always give the same bytes: every date in the zip is the same fixed one.
 */
export function torchWeightsFile(tensors: readonly TorchTensor[]): Uint8Array {
  const records: [string, Uint8Array][] = [
    [`${ARCHIVE}/data.pkl`, stateDictPickle(tensors)],
    [`${ARCHIVE}/byteorder`, new TextEncoder().encode('little')],
    ...tensors.map((tensor, index): [string, Uint8Array] => [
      `${ARCHIVE}/data/${index}`,
      tensor.data,
    ]),
    // The format version torch.save writes, which every torch.load since 1.6 reads.
    [`${ARCHIVE}/version`, new TextEncoder().encode('3\n')],
  ];
  const files: Zippable = {};
  let offset = 0;
  for (const [name, bytes] of records) {
    const dataStart = offset + LOCAL_HEADER_SIZE + new TextEncoder().encode(name).length + 4;
    const padding = (ALIGNMENT - (dataStart % ALIGNMENT)) % ALIGNMENT;
    files[name] = [
      bytes,
      {
        level: 0,
        mtime: ZIP_DATE,
        extra: { [PADDING_FIELD_ID]: new Uint8Array(padding).fill(PADDING_BYTE) },
      },
    ];
    offset = dataStart + padding + bytes.length;
  }
  return zipSync(files);
}

/** torch.load takes the folder of the first file as the archive's name; torch.save's is the file's. */
const ARCHIVE = 'archive';
const ALIGNMENT = 64;
/** A zip local file header before its name and extra fields. */
const LOCAL_HEADER_SIZE = 30;
/** The extra field torch.save pads with ("FB"), filled with "Z". */
const PADDING_FIELD_ID = 0x4246;
const PADDING_BYTE = 0x5a;
/** The earliest date a zip can hold, in local time as zip dates are. */
const ZIP_DATE = new Date(1980, 0, 1);

import { definePoolingKind } from '../pooling';

export const maxPool1dKind = definePoolingKind('max', 1);

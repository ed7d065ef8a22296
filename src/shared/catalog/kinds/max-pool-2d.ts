import { definePoolingKind } from '../pooling';

export const maxPool2dKind = definePoolingKind('max', 2);

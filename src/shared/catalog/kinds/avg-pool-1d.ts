import { definePoolingKind } from '../pooling';

export const avgPool1dKind = definePoolingKind('average', 1);

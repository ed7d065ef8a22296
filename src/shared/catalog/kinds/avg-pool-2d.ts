import { definePoolingKind } from '../pooling';

export const avgPool2dKind = definePoolingKind('average', 2);

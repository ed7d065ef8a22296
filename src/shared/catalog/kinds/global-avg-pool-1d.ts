import { defineGlobalAveragePoolingKind } from '../pooling';

export const globalAvgPool1dKind = defineGlobalAveragePoolingKind(1);

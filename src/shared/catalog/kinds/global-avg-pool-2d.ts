import { defineGlobalAveragePoolingKind } from '../pooling';

export const globalAvgPool2dKind = defineGlobalAveragePoolingKind(2);

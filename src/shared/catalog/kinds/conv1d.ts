import { defineConvolutionKind } from '../convolution';

export const conv1dKind = defineConvolutionKind(1);

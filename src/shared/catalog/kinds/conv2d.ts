import { defineConvolutionKind } from '../convolution';

export const conv2dKind = defineConvolutionKind(2);

import { defineRecurrentKind } from '../recurrent';

export const simpleRnnKind = defineRecurrentKind('SimpleRNN');

import { defineRecurrentKind } from '../recurrent';

export const lstmKind = defineRecurrentKind('LSTM');

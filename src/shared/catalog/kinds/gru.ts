import { defineRecurrentKind } from '../recurrent';

export const gruKind = defineRecurrentKind('GRU');

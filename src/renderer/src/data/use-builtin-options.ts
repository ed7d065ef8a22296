import { useState } from 'react';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { describeError, useApiQuery } from '../api';
import type { BuiltInDescription } from './BuiltinList';
import {
  builtInSpec,
  initialOptionTexts,
  type BuiltInOption,
  type OptionTexts,
} from './model/option-fields';

type BuiltInName = Extract<DatasetSpec, { source: 'builtin' }>['name'];

export interface BuiltinOptions {
  /** The built-in data sets, once Neurite has listed them. */
  readonly builtins: readonly BuiltInDescription[] | undefined;
  /** Why they could not be listed. */
  readonly listError: string | undefined;
  /** What is typed in each set's settings fields, by set name. */
  readonly optionTexts: Readonly<Record<string, OptionTexts>>;
  /** The set whose card is open (its settings showing). */
  readonly openBuiltin: string;
  readonly setOpenBuiltin: (name: string) => void;
  /** Opens a set's card; returns its spec, or undefined while a setting is invalid. */
  readonly pick: (name: string) => DatasetSpec | undefined;
  /** Records a setting as typed; returns the set's spec, or undefined while one is invalid. */
  readonly changeOption: (
    name: string,
    option: BuiltInOption,
    text: string,
  ) => DatasetSpec | undefined;
}

/**
 * The list of built-in data sets and what the user typed in their settings. The settings start
 * from the saved choice's values (for its set) or the sets' defaults when the list arrives.
 */
export function useBuiltinOptions(value: DatasetSpec | undefined): BuiltinOptions {
  const listing = useApiQuery('datasets.builtins', {});
  const [optionTexts, setOptionTexts] = useState<Readonly<Record<string, OptionTexts>>>({});
  const [textsFrom, setTextsFrom] = useState<readonly BuiltInDescription[]>();
  const [openBuiltin, setOpenBuiltin] = useState(value?.source === 'builtin' ? value.name : '');

  // The list arrived: fill the settings in once, from the choice saved at that moment.
  if (listing.data && listing.data !== textsFrom) {
    setTextsFrom(listing.data);
    setOptionTexts(initialOptionTexts(listing.data, value));
  }

  const pick = (name: string) => {
    setOpenBuiltin(name);
    return builtInSpec(name as BuiltInName, { ...optionTexts[name] });
  };

  const changeOption = (name: string, option: BuiltInOption, text: string) => {
    const texts = { ...optionTexts[name], [option]: text };
    setOptionTexts({ ...optionTexts, [name]: texts });
    return builtInSpec(name as BuiltInName, texts);
  };

  return {
    builtins: listing.data,
    listError: listing.error === undefined ? undefined : describeError(listing.error),
    optionTexts,
    openBuiltin,
    setOpenBuiltin,
    pick,
    changeOption,
  };
}

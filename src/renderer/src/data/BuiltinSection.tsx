import { BuiltinList, type BuiltInDescription } from './BuiltinList';
import { BuiltinOptions } from './BuiltinOptions';
import type { BuiltInOption, OptionTexts } from './model/option-fields';

/**
 * The built-in side of the data panel: the sets as cards, the open card's settings, and why
 * the last set tried from here could not be loaded.
 */
export function BuiltinSection({
  builtins,
  listError,
  chosen,
  pending,
  openBuiltin,
  optionTexts,
  failure,
  onPick,
  onChangeOption,
}: {
  readonly builtins: readonly BuiltInDescription[] | undefined;
  readonly listError: string | undefined;
  /** The set now chosen, if a built-in one is. */
  readonly chosen: string | undefined;
  /** The set being loaded, if a built-in one is. */
  readonly pending: string | undefined;
  readonly openBuiltin: string;
  readonly optionTexts: Readonly<Record<string, OptionTexts>>;
  /** Why the last set tried from a card failed, with what is still chosen. */
  readonly failure: string | undefined;
  readonly onPick: (name: string) => void;
  readonly onChangeOption: (name: string, option: BuiltInOption, text: string) => void;
}) {
  return (
    <section aria-label="Built-in data sets">
      {listError && (
        <p className="data-alert" role="alert">
          {listError}
        </p>
      )}
      {!builtins && !listError && <p className="data-hint">Loading the list…</p>}
      {builtins && (
        <BuiltinList
          builtins={builtins}
          selected={chosen}
          pending={pending}
          onPick={onPick}
          renderExtra={(name, title) =>
            name === openBuiltin ? (
              <>
                <BuiltinOptions
                  title={title}
                  texts={optionTexts[name] ?? {}}
                  onChange={(option, text) => onChangeOption(name, option, text)}
                />
                {failure && (
                  <p className="data-alert" role="alert">
                    {failure}
                  </p>
                )}
              </>
            ) : null
          }
        />
      )}
    </section>
  );
}

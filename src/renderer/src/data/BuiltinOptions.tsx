import type { BuiltInOption } from './model/option-fields';
import { BUILT_IN_OPTIONS, OPTION_RULES, checkOption } from './model/option-fields';
import { NumberField } from './NumberField';

/** The settings of the chosen built-in set (examples, noise, seed, …), each checked as typed. */
export function BuiltinOptions({
  title,
  texts,
  onChange,
}: {
  title: string;
  texts: Readonly<Partial<Record<BuiltInOption, string>>>;
  onChange: (option: BuiltInOption, text: string) => void;
}) {
  const options = BUILT_IN_OPTIONS.filter((o) => texts[o] !== undefined);
  if (options.length === 0) return null;
  return (
    <fieldset className="data-options">
      <legend>{title}: settings</legend>
      {options.map((option) => {
        const rule = OPTION_RULES[option];
        const text = texts[option] ?? '';
        const checked = checkOption(option, text);
        return (
          <NumberField
            key={option}
            label={rule.label}
            hint={rule.hint}
            value={text}
            error={checked.ok ? undefined : checked.message}
            min={rule.min}
            max={rule.max}
            step={rule.step}
            onChange={(value) => onChange(option, value)}
          />
        );
      })}
    </fieldset>
  );
}

import { useId } from 'react';

/** A labelled drop-down of a CSV table's columns; the value is the column's index as text. */
export function ColumnSelect({
  label,
  columns,
  value,
  onChange,
}: {
  label: string;
  columns: readonly string[];
  value: string;
  onChange: (index: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {columns.map((column, i) => (
          <option key={i} value={String(i)}>
            {column}
          </option>
        ))}
      </select>
    </>
  );
}

import type { FieldControlProps } from '../../components/Field';

/**
 * A whole number typed by an author: an emptied box is NaN in the model (the checks then name it), and NaN
 * shows as an empty box rather than "NaN".
 */
export function WholeNumberInput({
  control,
  value,
  onChange,
  min,
  max,
  step,
}: {
  control: FieldControlProps;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
}) {
  return (
    <input
      {...control}
      className="input input--number"
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={step}
      value={Number.isNaN(value) ? '' : value}
      onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
    />
  );
}

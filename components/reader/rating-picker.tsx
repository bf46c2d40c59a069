'use client';
// The six-step verdict scale as radio buttons.
import { useTranslations } from 'next-intl';
import { RATINGS, type Rating } from '@/lib/reports/verdict-scale';

export function RatingPicker({
  legend,
  name,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  value: Rating | null;
  onChange: (rating: Rating) => void;
}) {
  const labels = useTranslations('labels');
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-stone-800">{legend}</legend>
      <div className="grid grid-cols-2 gap-1.5">
        {RATINGS.map((rating) => (
          <label
            key={rating}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-200 px-2 py-1.5 text-sm has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50"
          >
            <input
              type="radio"
              name={name}
              value={rating}
              checked={value === rating}
              onChange={() => onChange(rating)}
            />
            {labels(`rating.${rating}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

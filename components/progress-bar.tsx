// "N / M phrases vérifiées" with a bar; the text is the accessible value.
import { useTranslations } from 'next-intl';

export function ProgressBar({
  done,
  total,
  label,
}: {
  done: number;
  total: number;
  label: string;
}) {
  const t = useTranslations('ui.progressBar');
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="flex items-center gap-3">
      <div
        className="h-2 w-32 overflow-hidden rounded-full bg-stone-200"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} / ${total}`}
      >
        <div className="h-full bg-green-600" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-sm text-stone-600 tabular-nums">{t('checked', { done, total })}</span>
    </div>
  );
}

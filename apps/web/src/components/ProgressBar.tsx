import { useId } from 'react';
import { useFormat, useMessages } from '../lib/i18n';
import { messages } from './messages';

interface ProgressBarProps {
  /** 0 to 100 */
  value: number;
  label?: string;
}

/** A labelled progress bar with its number shown beside it. */
export function ProgressBar({ value, label }: ProgressBarProps) {
  const t = useMessages(messages);
  const format = useFormat();
  const id = useId();
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  const text = format.percent(clamped);
  return (
    <div className="progress">
      <div className="progress__label">
        <span id={id}>{label ?? t.progress}</span>
        <span className="progress__value" aria-hidden="true">{text}</span>
      </div>
      <div
        className="progress__track"
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-valuetext={t.progressValue(text)}
      >
        <div className="progress__fill" style={{ width: `${clamped}%` }} />
      </div>
    </div>
  );
}

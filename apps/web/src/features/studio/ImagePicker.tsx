import { useId, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../../components/ErrorNotice';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useFormat, useMessages } from '../../lib/i18n';
import { messages } from './messages';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
/** The API's limit for one picture (it checks too, by the file's first bytes). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** Thrown by `onUpload` to show the author a sentence of its own (already in the interface language). */
export class PickerProblem extends Error {}

interface ImagePickerProps {
  idPrefix: string;
  label: string;
  hint: string;
  buttonLabel: string;
  /** More fields between the file and the button (a picture's description). */
  children?: ReactNode;
  /** A problem with those fields, checked before uploading. */
  check?: () => string | undefined;
  /** The largest file accepted here (default: the API's limit); larger only when `onUpload` makes it smaller. */
  maxBytes?: number;
  /** What to say when the file is over `maxBytes` (given its size in MB, formatted). */
  tooBig?: (mb: string) => string;
  onUpload: (file: File) => Promise<void>;
}

/** Chooses a picture, checks its type and size here first, and uploads it. */
export function ImagePicker({ idPrefix, label, hint, buttonLabel, children, check, maxBytes = MAX_IMAGE_BYTES, tooBig, onUpload }: ImagePickerProps) {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const format = useFormat();
  const generated = useId();
  const inputId = `${idPrefix}-file-${generated}`;
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    if (busy) return;
    const file = input.current?.files?.[0];
    const fileProblem = !file
      ? t.imageChoose
      : !IMAGE_TYPES.includes(file.type)
        ? t.imageType
        : file.size > maxBytes
          ? (tooBig ?? t.imageSize)(format.number(Math.round((file.size / 1024 / 1024) * 10) / 10))
          : undefined;
    const problem = fileProblem ?? check?.();
    setError(problem ?? null);
    if (fileProblem) input.current?.focus();
    if (problem || !file) return;
    setBusy(true);
    try {
      await onUpload(file);
      if (input.current) input.current.value = '';
    } catch (e) {
      setError(e instanceof PickerProblem ? e.message : e instanceof ApiError && e.status === 415 ? t.imageType : e instanceof ApiError && e.status === 413 ? t.imageSize('> 2') : describeError(e, shared));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="image-picker">
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={inputId}>
          {label}
        </label>
        <p className="field__hint" id={`${inputId}-hint`}>
          {hint}
        </p>
        <input
          ref={input}
          id={inputId}
          className="file-input"
          type="file"
          accept={IMAGE_TYPES.join(',')}
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
          onChange={() => setError(null)}
        />
      </div>
      {children}
      {error ? (
        <p className="field__error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button button--secondary" onClick={upload} aria-disabled={busy}>
        {busy ? t.imageUploading : buttonLabel}
      </button>
    </div>
  );
}

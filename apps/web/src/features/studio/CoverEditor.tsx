import { useState } from 'react';
import { Field } from '../../components/Field';
import { useMessages } from '../../lib/i18n';
import { postAsset, type CourseAsset } from './api';
import { useEditor, useProblem } from './editor-context';
import { ImagePicker, MAX_IMAGE_BYTES, PickerProblem } from './ImagePicker';
import { messages } from './messages';
import { COURSE_UID, fieldId } from './model';
import { shrinkPicture } from './shrink-picture';
import { useFocusLater } from './useFocusLater';

/** Covers may be chosen from bigger files than other pictures: they are made smaller here before uploading. */
const COVER_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * The course's cover: uploading stores the picture with the course and makes it the document's cover; the
 * description is required; removing it leaves the picture among the course's pictures. All saved with the draft.
 */
export function CoverEditor() {
  const t = useMessages(messages);
  const { model, update, saved, assets, reloadAssets, say } = useEditor();
  const [uploaded, setUploaded] = useState<CourseAsset | null>(null);
  const focusLater = useFocusLater();
  const sectionId = fieldId(COURSE_UID, 'cover');
  const altId = fieldId(COURSE_UID, 'coverAlt');
  const coverError = useProblem(sectionId);
  const altError = useProblem(altId);
  const cover = model.cover;
  const picture = cover ? (assets.find((a) => `images/${a.filename}` === cover.image) ?? (uploaded && `images/${uploaded.filename}` === cover.image ? uploaded : undefined)) : undefined;

  const upload = async (file: File) => {
    if (!saved) return;
    const prepared = await shrinkPicture(file);
    if (!prepared && file.size > MAX_IMAGE_BYTES) throw new PickerProblem(t.coverUnreadable);
    const blob = prepared?.blob ?? file;
    if (blob.size > MAX_IMAGE_BYTES) throw new PickerProblem(t.coverStillTooBig);
    // A new name each time: the published course keeps showing its own picture until this draft is published.
    const asset = await postAsset(saved.slug, blob, prepared?.type ?? file.type, `cover-${Date.now().toString(36)}`);
    setUploaded(asset);
    update((m) => ({ ...m, cover: { image: `images/${asset.filename}`, alt: m.cover?.alt ?? '' } }));
    reloadAssets();
    say(t.coverDone);
    // The description is next: focused, and selected when there is one from the previous picture to check.
    focusLater(altId, true);
  };

  const remove = () => {
    update(({ cover: _cover, ...m }) => m);
    say(t.coverRemoved);
    focusLater(sectionId);
  };

  return (
    <section id={sectionId} tabIndex={-1} className={`cover${coverError ? ' field--error' : ''}`} aria-labelledby="cover-heading">
      <h3 id="cover-heading" className="cover__title">
        {t.cover}
      </h3>
      <p className="field__hint">{t.coverIntro}</p>
      {coverError ? <p className="field__error">{coverError}</p> : null}
      {!saved ? (
        <p className="muted">{t.coverSaveFirst}</p>
      ) : (
        <>
          {cover ? (
            <div className="cover__current">
              {picture ? (
                <img className="cover__image" src={picture.url} alt={t.coverAlt} width={picture.width ?? 320} height={picture.height ?? 180} />
              ) : null}
              <div className="cover__details">
                <Field id={altId} label={t.coverDescription} hint={t.coverDescriptionHint} error={altError}>
                  {(control) => (
                    <textarea
                      {...control}
                      className="input textarea textarea--short"
                      rows={2}
                      lang={model.language}
                      maxLength={500}
                      value={cover.alt}
                      onChange={(e) => {
                        const alt = e.target.value;
                        update((m) => (m.cover ? { ...m, cover: { ...m.cover, alt } } : m));
                      }}
                    />
                  )}
                </Field>
                <button type="button" className="button button--danger-link button--small cover__remove" onClick={remove}>
                  {t.coverRemove}
                </button>
              </div>
            </div>
          ) : (
            <p className="muted">{t.coverNone}</p>
          )}
          <ImagePicker
            idPrefix="cover"
            label={cover ? t.coverReplaceFile : t.coverFile}
            hint={t.coverHint}
            buttonLabel={cover ? t.coverReplace : t.coverUpload}
            maxBytes={COVER_INPUT_BYTES}
            tooBig={t.coverTooBig}
            onUpload={upload}
          />
        </>
      )}
    </section>
  );
}

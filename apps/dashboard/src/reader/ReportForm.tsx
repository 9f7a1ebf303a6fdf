import { REPORT_REASONS, type ReportReason } from '@sift/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, readerApi } from './api';
import type { SignedInAuthor } from './author-token';

/** Comments this browser has reported, per article (so "Report" turns into "Reported" after a reload too). */
const key = (articleId: string) => `sift.reader.reported.${articleId}`;
const memory = new Map<string, Set<string>>();

export function loadReported(articleId: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(articleId)) ?? '[]');
    return new Set([...(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []), ...(memory.get(articleId) ?? [])]);
  } catch {
    return new Set(memory.get(articleId));
  }
}

function rememberReported(articleId: string, commentId: string): void {
  const all = [...loadReported(articleId), commentId].slice(-500);
  memory.set(articleId, new Set(all));
  try {
    localStorage.setItem(key(articleId), JSON.stringify(all));
  } catch {
    /* storage refused: memory only */
  }
}

/**
 * "Report" under a published comment: pick a reason (and optionally say more), send it to the moderators. The
 * comment stays where it is; a moderator decides. Once sent (or already sent from this browser) it says so.
 */
export function ReportAction({ articleId, commentId, authorName, author }: { articleId: string; commentId: string; authorName: string; author?: SignedInAuthor | null }) {
  const [state, setState] = useState<'idle' | 'open' | 'done'>(() => (loadReported(articleId).has(commentId) ? 'done' : 'idle'));
  const [doneText, setDoneText] = useState('Reported');
  if (state === 'done') {
    return (
      <p className="report-done" role="status" data-reported={commentId}>
        {doneText}
      </p>
    );
  }
  if (state === 'idle') {
    return (
      <button type="button" className="link-button report-button" onClick={() => setState('open')} aria-label={`Report the comment by ${authorName}`}>
        Report
      </button>
    );
  }
  return (
    <ReportForm
      commentId={commentId}
      authorName={authorName}
      author={author}
      onCancel={() => setState('idle')}
      onDone={(text) => {
        rememberReported(articleId, commentId);
        setDoneText(text);
        setState('done');
      }}
    />
  );
}

function ReportForm({
  commentId,
  authorName,
  author,
  onCancel,
  onDone,
}: {
  commentId: string;
  authorName: string;
  author?: SignedInAuthor | null;
  onCancel(): void;
  onDone(text: string): void;
}) {
  const uid = useId();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason) {
      setError('Please choose why you are reporting this comment.');
      setTimeout(() => errorRef.current?.focus(), 0);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await readerApi.report(commentId, { reason, note: note.trim() || undefined, authorToken: author?.token });
      onDone('Reported. Thank you: a moderator will look at it.');
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, String(err));
      if (apiError.status === 409) return onDone('You have already reported this comment.');
      setError(apiError.message);
      setTimeout(() => errorRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="report-form" onSubmit={submit} noValidate aria-label={`Report the comment by ${authorName}`}>
      <fieldset>
        <legend>Why should a moderator look at this comment?</legend>
        {REPORT_REASONS.map((r, i) => (
          <label key={r} className="report-reason">
            <input ref={i === 0 ? firstRef : undefined} type="radio" name={`${uid}-reason`} value={r} checked={reason === r} onChange={() => (setReason(r), setError(null))} />
            {r}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-note`}>
          Anything to add? <span className="optional">(optional)</span>
        </label>
        <textarea id={`${uid}-note`} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error && (
        <div className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send report'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

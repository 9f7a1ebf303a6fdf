import type { ReaderIntakeResponse } from '@sift/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, readerApi } from './api';
import type { SignedInAuthor } from './author-token';

interface Props {
  articleId: string;
  parentId?: string;
  /** The name of the comment being answered, for the form's label. */
  replyTo?: string;
  /** A signed-in reader (the publisher's token): no name field; the token goes with the comment. */
  author?: SignedInAuthor | null;
  onPosted: (res: ReaderIntakeResponse) => void;
  onCancel?: () => void;
}

/**
 * Name, optional title, comment; posts to intake. The API validates (its message is shown as given, and the field
 * it names is marked); 409 (closed) and 429 (too fast) come back with their own plain messages.
 */
export function CommentForm({ articleId, parentId, replyTo, author = null, onPosted, onCancel }: Props) {
  const uid = useId();
  const [name, setName] = useState(() => localStorageName());
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // One key per comment being written: a retry after a lost answer returns the same comment, not a second one.
  const idempotencyKey = useRef(newKey());

  useEffect(() => {
    if (parentId) bodyRef.current?.focus();
  }, [parentId]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await readerApi.post(
        articleId,
        author ? { authorToken: author.token, title: title || undefined, body, parentId } : { authorName: name, title: title || undefined, body, parentId },
        idempotencyKey.current,
      );
      if (!author) rememberName(name);
      setTitle('');
      setBody('');
      idempotencyKey.current = newKey();
      onPosted(res);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
      setTimeout(() => errorRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (f: string) => error?.fields[f]?.join(', ');
  const field = (f: string) => ({
    id: `${uid}-${f}`,
    name: f,
    'aria-invalid': fieldError(f) ? true : undefined,
    'aria-describedby': fieldError(f) ? `${uid}-${f}-error` : undefined,
  });
  const errorText = (f: string) =>
    fieldError(f) ? (
      <span className="field-error" id={`${uid}-${f}-error`}>
        {fieldError(f)}
      </span>
    ) : null;

  return (
    <form className="comment-form" onSubmit={submit} noValidate aria-label={replyTo ? `Reply to ${replyTo}` : 'Post a comment'}>
      {replyTo ? <p className="form-heading">Replying to {replyTo}</p> : <h3 className="form-heading">Join the discussion</h3>}
      {author ? (
        <p className="signed-in">
          Posting as <strong>{author.name}</strong>
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`${uid}-authorName`}>Your name</label>
          <input {...field('authorName')} autoComplete="nickname" maxLength={80} aria-required="true" value={name} onChange={(e) => setName(e.target.value)} />
          {errorText('authorName')}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${uid}-title`}>
          Title <span className="optional">(optional)</span>
        </label>
        <input {...field('title')} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        {errorText('title')}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-body`}>{replyTo ? 'Your reply' : 'Your comment'}</label>
        <textarea {...field('body')} ref={bodyRef} rows={4} maxLength={10000} aria-required="true" value={body} onChange={(e) => setBody(e.target.value)} />
        {errorText('body')}
      </div>
      {error && (
        <div className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
          {error.message}
        </div>
      )}
      <p className="hint">Comments are checked before they appear. Yours will show here, marked “held for review”, until then.</p>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Posting…' : replyTo ? 'Post reply' : 'Post comment'}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** 128 random bits (getRandomValues works outside secure contexts too, unlike randomUUID). */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const NAME_KEY = 'sift.reader.name';
function localStorageName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}
function rememberName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name.trim());
  } catch {
    /* storage disabled */
  }
}

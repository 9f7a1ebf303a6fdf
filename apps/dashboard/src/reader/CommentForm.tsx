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

/** What the reader calls each field the API may name (never its wire name). */
const LABELS: Record<string, string> = {
  authorName: 'Your name',
  title: 'The title',
  body: 'Your comment',
  parentId: 'The comment you reply to',
  authorToken: 'Your sign-in',
};

type FieldErrors = Record<string, string>;

/**
 * The API's words for a field, in the reader's: `authorName should not be empty` → `Your name should not be empty`,
 * `must contain a visible character` → `Your name must contain a visible character`.
 */
export function humanFieldError(field: string, problems: string[]): string {
  const label = LABELS[field] ?? 'This field';
  return problems.map((p) => `${label} ${p.replace(new RegExp(`^${field}:?\\s+`), '')}`).join('; ');
}

/**
 * Name, optional title, comment; posts to intake. Required fields are checked here first (nothing is sent without
 * them); an error the API names a field for is shown once, under that field, in words, and focus goes to the field;
 * any other answer (409 closed, 429 too fast, 401 sign-in, no connection) is one alert with its plain message.
 */
export function CommentForm({ articleId, parentId, replyTo, author = null, onPosted, onCancel }: Props) {
  const uid = useId();
  const [name, setName] = useState(() => localStorageName());
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // One key per comment being written: a retry after a lost answer returns the same comment, not a second one.
  const idempotencyKey = useRef(newKey());

  useEffect(() => {
    if (parentId) bodyRef.current?.focus();
  }, [parentId]);

  /** Show these field errors and move focus to the first marked field. */
  function markFields(errors: FieldErrors) {
    setFieldErrors(errors);
    const first = Object.keys(errors)[0];
    if (first) setTimeout(() => formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus(), 0);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const missing: FieldErrors = {};
    if (!author && !name.trim()) missing.authorName = 'Please enter your name.';
    if (!body.trim()) missing.body = replyTo ? 'Please write your reply.' : 'Please write your comment.';
    markFields(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
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
      const apiError = err instanceof ApiError ? err : new ApiError(0, String(err));
      const shown = Object.entries(apiError.fields).filter(([f]) => f !== 'authorToken' && formRef.current?.querySelector(`[name="${f}"]`));
      if (shown.length > 0) {
        markFields(Object.fromEntries(shown.map(([f, problems]) => [f, humanFieldError(f, problems)])));
      } else {
        const [field, problems] = Object.entries(apiError.fields)[0] ?? [];
        setError(field && problems ? humanFieldError(field, problems) : apiError.message);
        setTimeout(() => errorRef.current?.focus(), 0);
      }
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (f: string) => fieldErrors[f];
  const clearField = (f: string) => fieldErrors[f] && setFieldErrors(({ [f]: _gone, ...rest }) => rest);
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
    <form className="comment-form" ref={formRef} onSubmit={submit} noValidate aria-label={replyTo ? `Reply to ${replyTo}` : 'Post a comment'}>
      {replyTo ? <p className="form-heading">Replying to {replyTo}</p> : <h3 className="form-heading">Join the discussion</h3>}
      {author ? (
        <p className="signed-in">
          Posting as <strong>{author.name}</strong>
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`${uid}-authorName`}>Your name</label>
          <input {...field('authorName')} autoComplete="nickname" maxLength={80} aria-required="true" value={name} onChange={(e) => (setName(e.target.value), clearField('authorName'))} />
          {errorText('authorName')}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${uid}-title`}>
          Title <span className="optional">(optional)</span>
        </label>
        <input {...field('title')} maxLength={200} value={title} onChange={(e) => (setTitle(e.target.value), clearField('title'))} />
        {errorText('title')}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-body`}>{replyTo ? 'Your reply' : 'Your comment'}</label>
        <textarea {...field('body')} ref={bodyRef} rows={4} maxLength={10000} aria-required="true" value={body} onChange={(e) => (setBody(e.target.value), clearField('body'))} />
        {errorText('body')}
      </div>
      {error && (
        <div className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
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

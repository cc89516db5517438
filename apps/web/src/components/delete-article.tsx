import type { ArticleDetail } from '@claimdesk/contracts';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { useDeleteArticle } from '../api/queries.ts';

/**
 * Admins delete an article from its page, after a confirmation that says what goes with it. A
 * native modal <dialog> keeps the focus inside, closes on Esc and gives the focus back.
 */
export function DeleteArticle({ article }: { article: ArticleDetail }) {
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const remove = useDeleteArticle();
  const navigate = useNavigate();
  const judged = article.claims.filter((c) => c.status !== 'pending').length;
  const confirm = () =>
    remove.mutate(article.id, {
      onSuccess: (deleted) => {
        dialogRef.current?.close();
        void navigate('/', { state: { deleted: deleted.title } });
      },
    });
  return (
    <>
      <button type="button" className="btn btn-small btn-danger" onClick={() => dialogRef.current?.showModal()}>
        Delete article…
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="delete-title" onClose={() => remove.reset()}>
        <h2 id="delete-title">Delete this article?</h2>
        <p>
          “{article.title}” and its {article.claims.length} claims leave the desk
          {judged > 0 ? `, with the verdicts on ${judged} judged claims` : ''}. API consumers get the claims as removed.
          The audit log records that you did it. This cannot be undone.
        </p>
        {remove.isError && (
          <p role="alert" className="message message-error">
            Not deleted: {remove.error.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger-solid" disabled={remove.isPending} onClick={confirm}>
            {remove.isPending ? 'Deleting…' : 'Delete article'}
          </button>
        </div>
      </dialog>
    </>
  );
}

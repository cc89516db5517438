import type { Claim, VerdictStatus } from '@claimdesk/contracts';
import { useMutationState } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { type MarkClaimInput, markClaimKey, useMarkClaim } from '../api/queries.ts';
import { STATUS_LABEL } from './status.tsx';

export type VerdictMessage =
  | { kind: 'ok'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'conflict'; mine: VerdictStatus; other: Claim | null; text: string };

export interface Verdicts {
  save: (input: MarkClaimInput) => void;
  isSaving: (claimId: string) => boolean;
  /** The last outcome per claim, kept until that claim is saved again. */
  messages: Record<string, VerdictMessage>;
  dismiss: (claimId: string) => void;
}

function toMessage(error: Error, input: MarkClaimInput): VerdictMessage {
  if (error instanceof ApiError && error.code === 'version_conflict') {
    return {
      kind: 'conflict',
      mine: input.status,
      other: (error.details as { claim?: Claim } | undefined)?.claim ?? null,
      text: error.message,
    };
  }
  const reason = error instanceof ApiError ? error.message : 'the verdict could not be saved';
  return {
    kind: 'error',
    text: `Not saved: ${reason}. The claim is back to ${STATUS_LABEL[input.claim.status].label.toLowerCase()}; your note is kept.`,
  };
}

/**
 * The verdicts of one article page: saving, which claims are still saving, and what came of each
 * save. It lives with the page, not the panel, so a reviewer can move on while a save is on its
 * way and still learn (and see rolled back) what the server refused.
 */
export function useVerdicts(articleId: string, options: { onSaved?: (input: MarkClaimInput) => void } = {}): Verdicts {
  const [messages, setMessages] = useState<Record<string, VerdictMessage>>({});
  const onSaved = useRef(options.onSaved);
  onSaved.current = options.onSaved;
  const mark = useMarkClaim(articleId, {
    onSuccess: (_result, input) => {
      setMessages((m) => ({ ...m, [input.claim.id]: { kind: 'ok', text: `Saved: ${input.status}.` } }));
      onSaved.current?.(input);
    },
    onError: (error, input) => setMessages((m) => ({ ...m, [input.claim.id]: toMessage(error, input) })),
  });
  const saving = useMutationState({
    filters: { mutationKey: markClaimKey(articleId), status: 'pending' },
    select: (m) => (m.state.variables as MarkClaimInput | undefined)?.claim.id ?? '',
  });
  const dismiss = useCallback((claimId: string) => {
    setMessages((m) => {
      if (!(claimId in m)) return m;
      const { [claimId]: _gone, ...rest } = m;
      return rest;
    });
  }, []);
  return {
    save: (input) => {
      dismiss(input.claim.id);
      mark.mutate(input);
    },
    isSaving: (claimId) => saving.includes(claimId),
    messages,
    dismiss,
  };
}

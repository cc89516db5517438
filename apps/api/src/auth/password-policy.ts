import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError, type ErrorPath } from '../errors.ts';

/**
 * ASVS V2.1.7: refuse passwords that are common or easy to guess. Length alone let
 * `aaaaaaaaaaaa`, `password1234` and twelve spaces through; zxcvbn estimates the guesses an
 * attacker needs from dictionaries of common passwords, names and words, keyboard patterns,
 * repeats and sequences, all offline. Score 3 ("safely unguessable", about 10^8 guesses and more)
 * is the bar; the account's own email and name count as guessable too.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
const getEstimator = () => {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
};

export function checkPasswordStrength(password: string, userInputs: string[], path: ErrorPath): void {
  if (password.trim() === '') {
    throw new AppError('validation_error', `${path.join('.')}: a password of only spaces is no password`, { path });
  }
  const result = getEstimator().check(password, [...userInputs.filter(Boolean), 'claimdesk']);
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning})` : '';
    throw new AppError(
      'validation_error',
      `${path.join('.')}: this password is too easy to guess${hint}; use a longer passphrase of unrelated words`,
      { path },
    );
  }
}
